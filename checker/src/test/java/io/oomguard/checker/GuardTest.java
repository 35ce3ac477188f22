package io.oomguard.checker;

import static com.google.common.truth.Truth.assertThat;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodInvocationTree;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Guard}: an unexpected exception is no finding in a user's build, a failure in ours. */
final class GuardTest {
  /** Reports {@code ok()} calls and throws on {@code boom()} calls, through the guard. */
  @BugPattern(summary = "Guard probe", severity = WARNING)
  public static final class Probe extends BugChecker implements MethodInvocationTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      return Guard.match(this, tree, state, Probe::check);
    }

    private Description check(MethodInvocationTree tree, VisitorState state) {
      String name = ASTHelpers.getSymbol(tree).getSimpleName().toString();
      if (name.equals("boom")) {
        throw new IllegalStateException("boom at a shape nobody foresaw");
      }
      return name.equals("ok") ? describeMatch(tree) : Description.NO_MATCH;
    }
  }

  private static final String[] SOURCE = {
    "class A {",
    "  void boom() {}",
    "  void ok() {}",
    "  void run() {",
    "    boom();",
    "    // BUG: Diagnostic contains: Guard probe",
    "    ok();",
    "  }",
    "}"
  };

  private final String strictBefore = System.getProperty(Guard.STRICT_PROPERTY);

  @AfterEach
  void restoreStrictMode() {
    if (strictBefore == null) {
      System.clearProperty(Guard.STRICT_PROPERTY);
    } else {
      System.setProperty(Guard.STRICT_PROPERTY, strictBefore);
    }
  }

  @Test
  void inAUsersBuild_theThrowingCallIsNoFinding_andTheOthersStillAre() {
    System.setProperty(Guard.STRICT_PROPERTY, "false");

    CompilationTestHelper.newInstance(Probe.class, getClass())
        .addSourceLines("A.java", SOURCE)
        .doTest();
  }

  @Test
  void inStrictMode_theExceptionPropagates() {
    System.setProperty(Guard.STRICT_PROPERTY, "true");

    Throwable thrown =
        assertThrows(
            Throwable.class,
            () ->
                CompilationTestHelper.newInstance(Probe.class, getClass())
                    .addSourceLines("A.java", SOURCE)
                    .doTest());

    assertThat(thrown).hasMessageThat().contains("boom at a shape nobody foresaw");
  }

  @Test
  void oomguardsOwnTests_runStrict() {
    assertThat(strictBefore).isEqualTo("true");
  }
}
