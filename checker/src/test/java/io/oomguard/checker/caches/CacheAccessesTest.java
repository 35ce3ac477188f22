package io.oomguard.checker.caches;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodInvocationTree;
import org.junit.jupiter.api.Test;

/** {@link CacheAccesses}: which calls read or write a cache, and under which key. */
public final class CacheAccessesTest {
  /** Reports every cache access with its cache name and key. */
  @BugPattern(summary = "CacheAccesses probe", severity = WARNING)
  public static final class Probe extends BugChecker implements MethodInvocationTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      return CacheAccesses.of(tree, state)
          .map(
              access ->
                  buildDescription(tree)
                      .setMessage(
                          "cache "
                              + access.cache()
                              + " key "
                              + state.getSourceForNode(access.key()))
                      .build())
          .orElse(Description.NO_MATCH);
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Probe.class, getClass());

  @Test
  void cacheLibrariesAndLongLivedMaps() {
    helper
        .addSourceLines(
            "Uses.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "class Uses {",
            "  static final Map<String, String> STATIC = new ConcurrentHashMap<>();",
            "  static final NavigableMap<Long, String> WINDOW = new ConcurrentSkipListMap<>();",
            "  final Map<String, String> instance = new HashMap<>();",
            "  void m(com.google.common.cache.LoadingCache<String, String> guava,",
            "      com.github.benmanes.caffeine.cache.Cache<String, String> caffeine,",
            "      org.springframework.cache.CacheManager manager, String k) throws Exception {",
            "    // BUG: Diagnostic contains: cache `STATIC` key k",
            "    STATIC.computeIfAbsent(k, x -> x);",
            "    // BUG: Diagnostic contains: cache `guava` key k",
            "    guava.get(k);",
            "    // BUG: Diagnostic contains: cache `caffeine` key k + 1",
            "    caffeine.put(k + 1, k);",
            "    // BUG: Diagnostic contains: cache `caffeine` key k",
            "    caffeine.asMap().putIfAbsent(k, k);",
            "    // BUG: Diagnostic contains: cache `manager.getCache(\"c\")` key k",
            "    Objects.requireNonNull(manager.getCache(\"c\")).get(k);",
            "    WINDOW.put(1L, k);",
            "    instance.put(k, k);",
            "    STATIC.remove(k);",
            "    new HashMap<String, String>().put(k, k);",
            "  }",
            "}")
        .doTest();
  }
}
