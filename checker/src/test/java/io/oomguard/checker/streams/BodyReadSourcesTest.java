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
 * {@link BodyReadSources} on the shapes real code takes: every stack's body sources, wrappers,
 * locals, fields, helpers forward and back, bounds, local content. The cases are in {@code
 * testdata/OriginCases.java}; each {@code origin(x)} there states what must be said about {@code
 * x}.
 */
final class BodyReadSourcesTest {
  @Test
  void originsOfStreamsReadersAndUrls() {
    CompilationTestHelper.newInstance(OriginProbe.class, getClass())
        .addSourceLines("OriginCases.java", Testdata.lines("OriginCases.java"))
        .doTest();
  }

  /** Reports {@code KIND description} for the argument of every {@code origin(...)} call. */
  @BugPattern(summary = "Reports the origin BodyReadSources finds", severity = WARNING)
  public static final class OriginProbe extends BugChecker implements MethodInvocationTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      Symbol method = ASTHelpers.getSymbol(tree);
      if (method == null || !method.getSimpleName().contentEquals("origin")) {
        return Description.NO_MATCH;
      }
      BodyOrigin origin = BodyReadSources.originOf(tree.getArguments().get(0), state);
      return buildDescription(tree).setMessage(origin.kind() + " " + origin.description()).build();
    }
  }
}
