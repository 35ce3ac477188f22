package io.oomguard.checker.checks;

import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import org.junit.jupiter.api.Test;

final class PerRequestCollectionRebuildTest {
  @Test
  void rebuiltAndUnsized_reportedOnlyAsRebuild() {
    CompilationTestHelper.newInstance(
            ScannerSupplier.fromBugCheckerClasses(
                PerRequestCollectionRebuild.class, UnsizedBufferInHotPath.class),
            getClass())
        .addSourceLines(
            "Prices.java",
            "import io.oomguard.annotations.HotPath;",
            "import java.util.HashMap;",
            "import java.util.List;",
            "import java.util.Map;",
            "class Prices {",
            "  private final List<String> lines;",
            "  Prices(List<String> lines) { this.lines = lines; }",
            "  @HotPath",
            "  String lookup(String sku) {",
            "    // BUG: Diagnostic contains: PerRequestCollectionRebuild",
            "    Map<String, String> bySku = new HashMap<>();",
            "    for (String line : lines) {",
            "      bySku.put(line.substring(0, 4), line);",
            "    }",
            "    return bySku.get(sku);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void sourceReassignedLocal_isNotLongLived() {
    CompilationTestHelper.newInstance(PerRequestCollectionRebuild.class, getClass())
        .addSourceLines(
            "Regions.java",
            "import io.oomguard.annotations.HotPath;",
            "import java.util.HashSet;",
            "import java.util.List;",
            "import java.util.Set;",
            "class Regions {",
            "  private final List<String> all;",
            "  Regions(List<String> all) { this.all = all; }",
            "  @HotPath",
            "  boolean known(String code, List<String> extra) {",
            "    List<String> source = all;",
            "    if (code.isEmpty()) {",
            "      source = extra;",
            "    }",
            "    Set<String> set = new HashSet<>(source);",
            "    return set.contains(code);",
            "  }",
            "}")
        .doTest();
  }
}
