package io.oomguard.checker;

import static com.google.common.truth.Truth.assertThat;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodInvocationTree;
import io.oomguard.checker.fixes.SuggestedEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  /**
   * Reports {@code ok()} calls with a fix: one whose builder throws an {@code AssertionError} (as
   * Error Prone's member helper did on a Lombok class) for {@code failingFix()}, one with
   * overlapping edits for {@code overlappingFix()}, and a working one otherwise.
   */
  @BugPattern(summary = "Fix probe", severity = WARNING)
  public static final class FixProbe extends BugChecker implements MethodInvocationTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      return Guard.match(this, tree, state, FixProbe::check);
    }

    private Description check(MethodInvocationTree tree, VisitorState state) {
      String name = ASTHelpers.getSymbol(tree).getSimpleName().toString();
      if (!name.endsWith("Fix")) {
        return Description.NO_MATCH;
      }
      return buildDescription(tree)
          .addFix(
              Guard.fix(
                  this,
                  tree,
                  state,
                  () -> {
                    switch (name) {
                      case "failingFix" -> throw new AssertionError("Found no open brace");
                      case "overlappingFix" -> {
                        return Optional.of(
                            SuggestedFix.builder()
                                .replace(tree, "a()")
                                .replace(tree.getMethodSelect(), "b")
                                .build());
                      }
                      default -> {
                        return Optional.of(SuggestedFix.replace(tree, "fixed()"));
                      }
                    }
                  }))
          .build();
    }
  }

  @Test
  void aFixThatCannotBeBuiltOrApplied_costsTheFixNotTheFinding() {
    System.setProperty(Guard.STRICT_PROPERTY, "false");

    BugCheckerRefactoringTestHelper.newInstance(FixProbe.class, getClass())
        .addInputLines(
            "A.java",
            "class A {",
            "  void failingFix() {}",
            "  void overlappingFix() {}",
            "  void workingFix() {}",
            "  void fixed() {}",
            "  void run() {",
            "    failingFix();",
            "    overlappingFix();",
            "    workingFix();",
            "  }",
            "}")
        .addOutputLines(
            "A.java",
            "class A {",
            "  void failingFix() {}",
            "  void overlappingFix() {}",
            "  void workingFix() {}",
            "  void fixed() {}",
            "  void run() {",
            "    failingFix();",
            "    overlappingFix();",
            "    fixed();",
            "  }",
            "}")
        .doTest(TestMode.TEXT_MATCH);
    CompilationTestHelper.newInstance(FixProbe.class, getClass())
        .addSourceLines(
            "A.java",
            "class A {",
            "  void failingFix() {}",
            "  void overlappingFix() {}",
            "  void run() {",
            "    // BUG: Diagnostic contains: Fix probe",
            "    failingFix();",
            "    // BUG: Diagnostic contains: Fix probe",
            "    overlappingFix();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aListeningTool_hearsTheFixAsEdits() {
    System.setProperty(Guard.STRICT_PROPERTY, "false");
    List<SuggestedEdits.Suggested> heard = new ArrayList<>();
    SuggestedEdits.listen(heard::add);
    String[] source = {
      "class A {",
      "  void workingFix() {}",
      "  void fixed() {}",
      "  void run() {",
      "    // BUG: Diagnostic contains: Fix probe",
      "    workingFix();",
      "  }",
      "}"
    };
    try {
      CompilationTestHelper.newInstance(FixProbe.class, getClass())
          .addSourceLines("A.java", source)
          .doTest();
    } finally {
      SuggestedEdits.listen(null);
    }

    String text = String.join("\n", source);
    int call = text.indexOf("workingFix();");
    assertThat(heard).hasSize(1);
    assertThat(heard.get(0).check()).isEqualTo("FixProbe");
    assertThat(heard.get(0).position()).isEqualTo(call);
    assertThat(heard.get(0).edits())
        .containsExactly(new SuggestedEdits.Edit(call, call + "workingFix()".length(), "fixed()"));
  }
}
