package io.oomguard.checker.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class NonRepeatingCacheKeyTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(NonRepeatingCacheKey.class, getClass());

  @Test
  void smoke() {
    helper
        .addSourceLines(
            "A.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import com.github.benmanes.caffeine.cache.*;",
            "import org.springframework.cache.annotation.Cacheable;",
            "class A {",
            "  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();",
            "  private final Cache<String, String> c = Caffeine.newBuilder().maximumSize(10).build();",
            "  String find(String k) {",
            "    String key = k + \":\" + System.currentTimeMillis();",
            "    // BUG: Diagnostic contains: key of cache `CACHE` includes `System.currentTimeMillis()` (through `key`)",
            "    String v = CACHE.get(key);",
            "    if (v == null) { v = k.trim(); CACHE.put(key, v); }",
            "    return v;",
            "  }",
            "  String bucket(String k) {",
            "    return CACHE.computeIfAbsent(k + System.currentTimeMillis() / 60_000, String::trim);",
            "  }",
            "  String open(String user) {",
            "    String id = UUID.randomUUID().toString();",
            "    c.put(id, user);",
            "    return id;",
            "  }",
            "  void sb(String user) {",
            "    StringBuilder sb = new StringBuilder(user);",
            "    sb.append('-').append(System.nanoTime());",
            "    // BUG: Diagnostic contains: System.nanoTime()",
            "    c.put(sb.toString(), user);",
            "  }",
            "  // BUG: Diagnostic contains: T(System).currentTimeMillis()",
            "  @Cacheable(cacheNames = \"q\", key = \"#p + T(System).currentTimeMillis()\")",
            "  public String q(String p) { return p; }",
            "  @Cacheable(cacheNames = \"q\", key = \"#p + T(System).currentTimeMillis() / 60000\")",
            "  public String r(String p) { return p; }",
            "}")
        .doTest();
  }
}
