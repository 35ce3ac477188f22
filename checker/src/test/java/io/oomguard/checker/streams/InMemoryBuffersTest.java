package io.oomguard.checker.streams;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodInvocationTree;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link InMemoryBuffers}: read loops that gather everything into a buffer, and the loops that
 * count, check the buffer size, or pass data on. The cases are in {@code
 * testdata/CopyLoopCases.java}.
 */
final class InMemoryBuffersTest {
  @Test
  void gatheringLoopsNameTheirBufferAndBoundedLoopsAreLeftAlone() {
    CompilationTestHelper.newInstance(CopyLoopProbe.class, getClass())
        .addSourceLines("CopyLoopCases.java", Testdata.lines("CopyLoopCases.java"))
        .doTest();
  }

  /** Reports the buffer an unbounded read loop fills, on the loop's first read. */
  @BugPattern(summary = "Reports unbounded copy loops InMemoryBuffers finds", severity = WARNING)
  public static final class CopyLoopProbe extends BugChecker
      implements MethodInvocationTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      if (!InMemoryBuffers.READ_NEXT.matches(tree, state)) {
        return Description.NO_MATCH;
      }
      Optional<String> buffer =
          InMemoryBuffers.unboundedCopyLoop(
              state.getPath(), () -> SourceIndex.of(state.getPath().getCompilationUnit()), state);
      return buffer
          .map(name -> buildDescription(tree).setMessage("fills " + name).build())
          .orElse(Description.NO_MATCH);
    }
  }
}
