package io.oomguard.checker.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class UnboundedCacheTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnboundedCache.class, getClass());

  @Test
  void smoke() {
    helper
        .addSourceLines(
            "A.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import com.github.benmanes.caffeine.cache.*;",
            "class A {",
            "  // BUG: Diagnostic contains: static field `CACHE` only grows: `computeIfAbsent` in `A.find`",
            "  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();",
            "  private static final Map<String, String> TABLE = new HashMap<>();",
            "  static { TABLE.put(\"a\", \"b\"); }",
            "  String find(String k) { return CACHE.computeIfAbsent(k, String::trim); }",
            "  private final Cache<String, String> c =",
            "      Caffeine.newBuilder()",
            "          .recordStats()",
            "          // BUG: Diagnostic contains: Caffeine cache built",
            "          .build();",
            "}")
        .doTest();
  }
}
