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

/** {@link CacheBuilders}: which Guava and Caffeine builds have no bound. */
public final class CacheBuildersTest {
  /** Reports every build() call: the unbounded chain's library, or "bounded". */
  @BugPattern(summary = "CacheBuilders probe", severity = WARNING)
  public static final class Probe extends BugChecker implements MethodInvocationTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      if (!CacheBuilders.isBuild(tree, state)) {
        return Description.NO_MATCH;
      }
      return buildDescription(tree)
          .setMessage(
              CacheBuilders.unbounded(tree, state)
                  .map(unbounded -> "unbounded " + unbounded.library())
                  .orElse("bounded"))
          .build();
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Probe.class, getClass());

  @Test
  void chainsWithoutABoundAreUnbounded() {
    helper
        .addSourceLines(
            "Chains.java",
            "import com.github.benmanes.caffeine.cache.Caffeine;",
            "import com.google.common.cache.CacheBuilder;",
            "import java.time.Duration;",
            "class Chains {",
            "  // BUG: Diagnostic contains: unbounded Caffeine",
            "  Object a = Caffeine.newBuilder().recordStats().build();",
            "  // BUG: Diagnostic contains: unbounded Caffeine",
            "  Object b = Caffeine.newBuilder().refreshAfterWrite(Duration.ofMinutes(1)).buildAsync(k -> k);",
            "  // BUG: Diagnostic contains: unbounded Guava CacheBuilder",
            "  Object c = CacheBuilder.newBuilder().initialCapacity(100).build();",
            "  // BUG: Diagnostic contains: bounded",
            "  Object d = Caffeine.newBuilder().maximumSize(1).build();",
            "  // BUG: Diagnostic contains: bounded",
            "  Object e = CacheBuilder.newBuilder().softValues().build();",
            "  // BUG: Diagnostic contains: bounded",
            "  Object f = Caffeine.newBuilder().expireAfterAccess(Duration.ofSeconds(1)).recordStats().build();",
            "  // BUG: Diagnostic contains: bounded",
            "  Object g = CacheBuilder.from(\"maximumSize=10\").build();",
            "}")
        .doTest();
  }

  @Test
  void buildersInLocalsAreFollowedWithinTheMethod() {
    helper
        .addSourceLines(
            "Locals.java",
            "import com.github.benmanes.caffeine.cache.Caffeine;",
            "class Locals {",
            "  Object unbounded() {",
            "    Caffeine<Object, Object> b = Caffeine.newBuilder();",
            "    b.recordStats();",
            "    // BUG: Diagnostic contains: unbounded Caffeine",
            "    return b.build();",
            "  }",
            "  Object boundedLater(long max) {",
            "    Caffeine<Object, Object> b = Caffeine.newBuilder();",
            "    b.maximumSize(max);",
            "    // BUG: Diagnostic contains: bounded",
            "    return b.build();",
            "  }",
            "  Object configuredByHelper() {",
            "    Caffeine<Object, Object> b = Caffeine.newBuilder();",
            "    configure(b);",
            "    // BUG: Diagnostic contains: bounded",
            "    return b.build();",
            "  }",
            "  Object fromParameter(Caffeine<Object, Object> b) {",
            "    // BUG: Diagnostic contains: bounded",
            "    return b.build();",
            "  }",
            "  void configure(Caffeine<Object, Object> b) {}",
            "}")
        .doTest();
  }
}
