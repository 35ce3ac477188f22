package io.oomguard.checker.checks;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Focused cases for {@link UnsizedBufferInHotPath}; the fills it recognizes and the bounded ones it
 * leaves alone are in the corpus ({@code test-cases/.../buffers}).
 */
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
            "import java.io.ByteArrayOutputStream;",
            "import java.io.IOException;",
            "import java.io.InputStream;",
            "import java.nio.file.Files;",
            "import java.nio.file.Path;",
            "class Batch {",
            "  @Step",
            "  byte[] load(Path file) throws IOException {",
            "    // BUG: Diagnostic contains: in entry point @Step `Batch.load`",
            "    ByteArrayOutputStream out = new ByteArrayOutputStream();",
            "    try (InputStream in = Files.newInputStream(file)) {",
            "      in.transferTo(out);",
            "    }",
            "    return out.toByteArray();",
            "  }",
            "  byte[] notAStep(Path file) throws IOException {",
            "    ByteArrayOutputStream out = new ByteArrayOutputStream();",
            "    try (InputStream in = Files.newInputStream(file)) {",
            "      in.transferTo(out);",
            "    }",
            "    return out.toByteArray();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void bufferHandedToTheProjectsOwnSerializingClass_finding() {
    helper
        .addSourceLines(
            "JsonResponse.java",
            "import com.fasterxml.jackson.core.JsonFactory;",
            "import com.fasterxml.jackson.core.JsonGenerator;",
            "import java.io.IOException;",
            "import java.io.OutputStream;",
            "class JsonResponse {",
            "  private final OutputStream out;",
            "  final JsonGenerator generator;",
            "  JsonResponse(OutputStream out) throws IOException {",
            "    this.out = out;",
            "    this.generator = new JsonFactory().createGenerator(this.out);",
            "  }",
            "}")
        .addSourceLines(
            "Handler.java",
            "import io.oomguard.annotations.HotPath;",
            "import java.io.ByteArrayOutputStream;",
            "import java.io.IOException;",
            "class Handler {",
            "  @HotPath",
            "  JsonResponse respond() throws IOException {",
            "    // BUG: Diagnostic contains: holds everything written through"
                + " `JsonFactory.createGenerator`",
            "    return new JsonResponse(new ByteArrayOutputStream());",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void bodyCopiedIntoABuffer_isTheBodyReadsFinding() {
    helper
        .addSourceLines(
            "Ingest.java",
            "import io.oomguard.annotations.HotPath;",
            "import java.io.ByteArrayOutputStream;",
            "import java.io.IOException;",
            "import java.io.InputStream;",
            "import javax.servlet.http.HttpServletRequest;",
            "class Ingest {",
            "  @HotPath",
            "  byte[] ingest(HttpServletRequest request) throws IOException {",
            "    ByteArrayOutputStream out = new ByteArrayOutputStream();",
            "    try (InputStream in = request.getInputStream()) {",
            "      in.transferTo(out);",
            "    }",
            "    return out.toByteArray();",
            "  }",
            "}")
        .doTest();
  }

  /** A capacity does not bound the volume; the check leaves the remedy to the author. */
  @Test
  void offersNoFix() {
    BugCheckerRefactoringTestHelper.newInstance(UnsizedBufferInHotPath.class, getClass())
        .addInputLines(
            "Exporter.java",
            "import io.oomguard.annotations.HotPath;",
            "import java.io.ByteArrayOutputStream;",
            "import java.io.IOException;",
            "import java.io.InputStream;",
            "class Exporter {",
            "  @HotPath",
            "  byte[] export(InputStream in) throws IOException {",
            "    ByteArrayOutputStream out = new ByteArrayOutputStream();",
            "    in.transferTo(out);",
            "    return out.toByteArray();",
            "  }",
            "}")
        .expectUnchanged()
        .doTest(TestMode.TEXT_MATCH);
  }
}
