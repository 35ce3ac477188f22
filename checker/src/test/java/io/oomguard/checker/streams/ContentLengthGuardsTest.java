package io.oomguard.checker.streams;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol;
import org.junit.jupiter.api.Test;

/**
 * {@link ContentLengthGuards}: which comparisons of a declared body size, before a read, count as a
 * guard. The cases are in {@code testdata/GuardCases.java}; a {@code read()} there is marked when
 * it must count as guarded, and unmarked when it must not.
 */
final class ContentLengthGuardsTest {
  @Test
  void guardsBeforeAReadAreRecognizedAndBodyPresenceChecksAreNot() {
    CompilationTestHelper.newInstance(GuardProbe.class, getClass())
        .addSourceLines("GuardCases.java", Testdata.lines("GuardCases.java"))
        .doTest();
  }

  /** Reports every {@code read()} call that has a content-length guard before it. */
  @BugPattern(summary = "Reports reads ContentLengthGuards considers guarded", severity = WARNING)
  public static final class GuardProbe extends BugChecker implements MethodInvocationTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      Symbol method = ASTHelpers.getSymbol(tree);
      if (method == null
          || !method.getSimpleName().contentEquals("read")
          || !ContentLengthGuards.guardsBefore(state.getPath(), state)) {
        return Description.NO_MATCH;
      }
      return buildDescription(tree).setMessage("guarded").build();
    }
  }
}
