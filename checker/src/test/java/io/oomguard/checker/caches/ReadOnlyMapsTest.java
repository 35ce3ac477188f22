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

/** {@link ReadOnlyMaps}: lookups in map fields that only initialization fills. */
public final class ReadOnlyMapsTest {
  /** Reports every lookup in a read-only map field. */
  @BugPattern(summary = "ReadOnlyMaps probe", severity = WARNING)
  public static final class Probe extends BugChecker implements MethodInvocationTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      return ReadOnlyMaps.isLookupInReadOnlyField(tree, FieldGrowth.ofEnclosingClass(state), state)
          ? describeMatch(tree)
          : Description.NO_MATCH;
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Probe.class, getClass());

  @Test
  void lookupsInTablesFilledAtInitialization_areReadOnly() {
    helper
        .addSourceLines(
            "Tables.java",
            "import java.util.*;",
            "class Tables {",
            "  private static final Map<String, Integer> CODES;",
            "  private static final Map<String, Integer> DIRECT = new HashMap<>();",
            "  private final Map<String, String> perObject = new HashMap<>();",
            "  static {",
            "    Map<String, Integer> codes = new HashMap<>();",
            "    codes.put(\"OK\", 200);",
            "    CODES = Collections.unmodifiableMap(codes);",
            "    DIRECT.put(\"NOT_FOUND\", 404);",
            "  }",
            "  Tables() { perObject.put(\"a\", \"b\"); }",
            "  int code(String name) {",
            "    // BUG: Diagnostic contains: ReadOnlyMaps",
            "    Integer code = CODES.get(name);",
            "    // BUG: Diagnostic contains: ReadOnlyMaps",
            "    boolean known = DIRECT.containsKey(name);",
            "    // BUG: Diagnostic contains: ReadOnlyMaps",
            "    return perObject.getOrDefault(name, \"\").length() + (known ? code : 0);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void mapsWrittenAtRunTimeOrHandedOut_areNot() {
    helper
        .addSourceLines(
            "Caches.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "class Caches {",
            "  private static final Map<String, String> GROWN = new ConcurrentHashMap<>();",
            "  private static final Map<String, String> SHARED = new ConcurrentHashMap<>();",
            "  private static Map<String, String> swapped = new HashMap<>();",
            "  static String grown(String k) {",
            "    GROWN.putIfAbsent(k, k);",
            "    return GROWN.get(k);",
            "  }",
            "  static Map<String, String> shared() { return SHARED; }",
            "  static String fromShared(String k) { return SHARED.get(k); }",
            "  static void reload(Map<String, String> fresh) { swapped = fresh; }",
            "  static String fromSwapped(String k) { return swapped.get(k); }",
            "  static void writes(String k) { GROWN.put(k, k); }",
            "  static String local(String k) {",
            "    Map<String, String> m = new HashMap<>();",
            "    return m.get(k);",
            "  }",
            "}")
        .doTest();
  }
}
