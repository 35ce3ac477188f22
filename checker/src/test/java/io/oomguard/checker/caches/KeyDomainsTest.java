package io.oomguard.checker.caches;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import org.junit.jupiter.api.Test;

/** {@link KeyDomains}: whether a map's keys are fixed by the code. */
public final class KeyDomainsTest {
  /** Reports whether the first argument of every {@code put} is closed. */
  @BugPattern(summary = "KeyDomains probe", severity = WARNING)
  public static final class Probe extends BugChecker implements MethodInvocationTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      if (!ASTHelpers.getSymbol(tree).getSimpleName().contentEquals("put")
          || tree.getArguments().isEmpty()) {
        return Description.NO_MATCH;
      }
      TreePath key = new TreePath(state.getPath(), tree.getArguments().get(0));
      return buildDescription(tree).setMessage("closed=" + KeyDomains.isClosed(key, state)).build();
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Probe.class, getClass());

  @Test
  void constantsCodeNamesAndConfigurationAreClosed_requestDataIsNot() {
    helper
        .addSourceLines(
            "Keys.java",
            "import java.util.*;",
            "class Keys {",
            "  enum Kind { A, B }",
            "  static final String PREFIX = compute();",
            "  static String compute() { return \"p\"; }",
            "  final Map<Object, String> map = new HashMap<>();",
            "  private final String configured;",
            "  Keys(String configured) { this.configured = configured; }",
            "  void m(String request, Class<?> type, Kind kind, java.lang.reflect.Method method) {",
            "    // BUG: Diagnostic contains: closed=true",
            "    map.put(\"constant\", \"\");",
            "    // BUG: Diagnostic contains: closed=true",
            "    map.put(type.getName() + \"#\" + method.getName(), \"\");",
            "    // BUG: Diagnostic contains: closed=true",
            "    map.put(kind, \"\");",
            "    // BUG: Diagnostic contains: closed=true",
            "    map.put(PREFIX + configured, \"\");",
            "    // BUG: Diagnostic contains: closed=true",
            "    map.put(getClass().getPackageName(), \"\");",
            "    // BUG: Diagnostic contains: closed=false",
            "    map.put(request, \"\");",
            "    // BUG: Diagnostic contains: closed=false",
            "    map.put(PREFIX + request.trim(), \"\");",
            "    // BUG: Diagnostic contains: closed=false",
            "    map.put(new Object(), \"\");",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aParameterIsClosedWhenEveryCallerPassesAClosedValue() {
    helper
        .addSourceLines(
            "Named.java",
            "import java.util.*;",
            "class Named {",
            "  static final Map<String, Named> BY_NAME = new HashMap<>();",
            "  static Named named(String name) {",
            "    Named named = new Named();",
            "    // BUG: Diagnostic contains: closed=true",
            "    BY_NAME.put(name, named);",
            "    return named;",
            "  }",
            "  static final Map<String, Named> BY_ID = new HashMap<>();",
            "  static Named byId(String id) {",
            "    Named named = new Named();",
            "    // BUG: Diagnostic contains: closed=false",
            "    BY_ID.put(id, named);",
            "    return named;",
            "  }",
            "}")
        .addSourceLines(
            "Users.java",
            "class Users {",
            "  static final Named AUDIT = Named.named(\"audit\");",
            "  Named mine() { return Named.named(Users.class.getSimpleName()); }",
            "  Named user(String id) { Named.byId(\"fixed\"); return Named.byId(id.trim()); }",
            "}")
        .doTest();
  }

  @Test
  void finalFieldsOfOtherObjectsAreNotConfiguration() {
    helper
        .addSourceLines(
            "Tags.java",
            "import java.util.*;",
            "class Tags {",
            "  static final class Id {",
            "    private final String tag;",
            "    Id(String tag) { this.tag = tag; }",
            "    String tag() { return tag; }",
            "  }",
            "  final Map<String, String> seen = new HashMap<>();",
            "  void accept(Id id) {",
            "    // BUG: Diagnostic contains: closed=false",
            "    seen.put(id.tag(), \"\");",
            "  }",
            "  void record(String value) { accept(new Id(value)); }",
            "}")
        .doTest();
  }
}
