package io.oomguard.checker;

import static com.google.common.truth.Truth.assertThat;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.NewClassTree;
import io.oomguard.annotations.OomSafe;
import org.junit.jupiter.api.Test;

/**
 * {@link OomSafeSuppression} and {@link OomGuardCheck}: {@code @OomSafe} suppresses a check that
 * lists it, on any declaration around the finding, as Error Prone's suppression would, while Error
 * Prone itself is not asked to look for it.
 */
final class OomSafeSuppressionTest {
  /** Reports every {@code new Object()}, through the guard. */
  abstract static class ObjectProbe extends OomGuardCheck implements NewClassTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchNewClass(NewClassTree tree, VisitorState state) {
      return Guard.match(this, tree, state, ObjectProbe::check);
    }

    private Description check(NewClassTree tree, VisitorState state) {
      return tree.getIdentifier().toString().equals("Object")
          ? describeMatch(tree)
          : Description.NO_MATCH;
    }
  }

  /** The probe, suppressed by {@code @OomSafe}. */
  @BugPattern(
      summary = "OomSafe probe",
      severity = WARNING,
      suppressionAnnotations = {SuppressWarnings.class, OomSafe.class})
  public static final class Probe extends ObjectProbe {
    private static final long serialVersionUID = 1L;
  }

  /** The same probe, whose pattern does not list {@code @OomSafe}. */
  @BugPattern(summary = "Unsuppressible probe", severity = WARNING)
  public static final class Unsuppressible extends ObjectProbe {
    private static final long serialVersionUID = 1L;
  }

  private static final String[] SOURCE = {
    "import io.oomguard.annotations.OomSafe;",
    "import java.util.function.Function;",
    "class A {",
    "  // BUG: Diagnostic contains: probe",
    "  Object reported = new Object();",
    "  @OomSafe(\"on a field\") Object onField = new Object();",
    "  @OomSafe(\"on a method\") Object onMethod() { return new Object(); }",
    "  Object onLocal() {",
    "    @OomSafe(\"on a local variable\") Object local = new Object();",
    "    // BUG: Diagnostic contains: probe",
    "    return new Object();",
    "  }",
    "  // A parameter's annotation covers the parameter, not the body beside it (as in Error Prone)",
    "  Function<Object, Object> onParameter =",
    "      // BUG: Diagnostic contains: probe",
    "      (@OomSafe(\"on a parameter\") var o) -> new Object();",
    "  @OomSafe(\"on an enclosing class\")",
    "  static class Outer {",
    "    class Inner {",
    "      Object deep() { return new Runnable() { public void run() { new Object(); } }; }",
    "    }",
    "  }",
    "  @SuppressWarnings(\"Probe\") Object bySuppressWarnings = new Object();",
    "}"
  };

  @Test
  void oomSafeOnAnyDeclarationAroundTheFinding_suppressesIt() {
    CompilationTestHelper.newInstance(Probe.class, getClass())
        .addSourceLines("A.java", SOURCE)
        .doTest();
  }

  @Test
  void ignoredSuppressionAnnotations_reportEveryFinding() {
    CompilationTestHelper.newInstance(Probe.class, getClass())
        .setArgs("-XepIgnoreSuppressionAnnotations")
        .addSourceLines(
            "A.java",
            "import io.oomguard.annotations.OomSafe;",
            "class A {",
            "  // BUG: Diagnostic contains: probe",
            "  @OomSafe(\"on a field\") Object onField = new Object();",
            "  @OomSafe(\"on a method\")",
            "  // BUG: Diagnostic contains: probe",
            "  Object onMethod() { return new Object(); }",
            "}")
        .doTest();
  }

  @Test
  void aCheckWhosePatternDoesNotListOomSafe_isNotSuppressedByIt() {
    CompilationTestHelper.newInstance(Unsuppressible.class, getClass())
        .addSourceLines(
            "A.java",
            "import io.oomguard.annotations.OomSafe;",
            "@OomSafe(\"on the class\")",
            "class A {",
            "  // BUG: Diagnostic contains: probe",
            "  Object onField = new Object();",
            "}")
        .doTest();
  }

  @Test
  void errorProneIsNotAskedToLookForOomSafe() {
    assertThat(new Probe().customSuppressionAnnotations()).isEmpty();
    assertThat(OomSafeSuppression.appliesTo(new Probe())).isTrue();
    assertThat(OomSafeSuppression.appliesTo(new Unsuppressible())).isFalse();
  }
}
