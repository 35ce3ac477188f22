package io.oomguard.checker.checks;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class UnsizedBufferInHotPathTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnsizedBufferInHotPath.class, getClass());

  @Test
  void configuredEntryPointAnnotation_makesItsBodyHot() {
    helper
        .setArgs(ImmutableList.of("-XepOpt:OomGuard:HotPathAnnotations=com.acme.Step"))
        .addSourceLines("com/acme/Step.java", "package com.acme;", "public @interface Step {}")
        .addSourceLines(
            "com/acme/Batch.java",
            "package com.acme;",
            "import java.util.List;",
            "class Batch {",
            "  @Step",
            "  String join(List<String> lines) {",
            "    // BUG: Diagnostic contains: in entry point @Step `Batch.join`",
            "    StringBuilder out = new StringBuilder();",
            "    for (String line : lines) {",
            "      out.append(line);",
            "    }",
            "    return out.toString();",
            "  }",
            "  String notAStep(List<String> lines) {",
            "    StringBuilder out = new StringBuilder();",
            "    for (String line : lines) {",
            "      out.append(line);",
            "    }",
            "    return out.toString();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void replacement_passesTheKnownSizeAsCapacity() {
    BugCheckerRefactoringTestHelper.newInstance(UnsizedBufferInHotPath.class, getClass())
        .addInputLines(
            "Exporter.java",
            "import io.oomguard.annotations.HotPath;",
            "import java.io.ByteArrayOutputStream;",
            "import java.io.IOException;",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "class Exporter {",
            "  @HotPath",
            "  List<String> names(List<Integer> ids) {",
            "    List<String> names = new ArrayList<>();",
            "    for (Integer id : ids) {",
            "      names.add(String.valueOf(id));",
            "    }",
            "    return names;",
            "  }",
            "  @HotPath",
            "  byte[] frame(byte[] body) throws IOException {",
            "    ByteArrayOutputStream out = new ByteArrayOutputStream();",
            "    out.write(body);",
            "    return out.toByteArray();",
            "  }",
            "}")
        .addOutputLines(
            "Exporter.java",
            "import io.oomguard.annotations.HotPath;",
            "import java.io.ByteArrayOutputStream;",
            "import java.io.IOException;",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "class Exporter {",
            "  @HotPath",
            "  List<String> names(List<Integer> ids) {",
            "    List<String> names = new ArrayList<>(ids.size());",
            "    for (Integer id : ids) {",
            "      names.add(String.valueOf(id));",
            "    }",
            "    return names;",
            "  }",
            "  @HotPath",
            "  byte[] frame(byte[] body) throws IOException {",
            "    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);",
            "    out.write(body);",
            "    return out.toByteArray();",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFix_whenTheSizeIsOnlyKnownAfterTheBuffer() {
    BugCheckerRefactoringTestHelper.newInstance(UnsizedBufferInHotPath.class, getClass())
        .addInputLines(
            "Late.java",
            "import io.oomguard.annotations.HotPath;",
            "import java.util.ArrayList;",
            "import java.util.List;",
            "import java.util.function.Supplier;",
            "class Late {",
            "  @HotPath",
            "  List<String> names(Supplier<List<String>> source) {",
            "    List<String> names = new ArrayList<>();",
            "    List<String> fetched = source.get();",
            "    for (String name : fetched) {",
            "      names.add(name);",
            "    }",
            "    return names;",
            "  }",
            "}")
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
