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
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import org.junit.jupiter.api.Test;

/**
 * {@link StreamHelpers} on the helpers projects write: whole reads that return the content, copies
 * into an output parameter, bounded copies, reads that keep the content to themselves, generators
 * over a parameter, line callbacks. The cases are in {@code testdata/HelperCases.java}.
 */
final class StreamHelpersTest {
  @Test
  void summariesOfTheProjectsOwnHelpers() {
    CompilationTestHelper.newInstance(SummaryProbe.class, getClass())
        .addSourceLines("HelperCases.java", Testdata.lines("HelperCases.java"))
        .doTest();
  }

  /** Reports the summary of the helper called, for every call made in a method named calls. */
  @BugPattern(summary = "Reports what StreamHelpers says a helper does", severity = WARNING)
  public static final class SummaryProbe extends BugChecker implements MethodInvocationTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      MethodTree enclosing = ASTHelpers.findEnclosingNode(state.getPath(), MethodTree.class);
      MethodSymbol method = ASTHelpers.getSymbol(tree);
      if (enclosing == null
          || !enclosing.getName().contentEquals("calls")
          || method == null
          || CompiledSources.declarationOf(method, state) == null) {
        return Description.NO_MATCH;
      }
      return buildDescription(tree)
          .setMessage(StreamHelpers.summaryOf(method, state).toString())
          .build();
    }
  }
}
