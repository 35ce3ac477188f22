package io.oomguard.checker.executors;

import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;

/** A test-only check that reports what {@link AssignedValues} resolves each {@code probe(x)} to. */
@BugPattern(
    summary = "Reports AssignedValues.resolve at probe(x) calls",
    severity = BugPattern.SeverityLevel.WARNING)
public final class ValueProbe extends BugChecker implements MethodInvocationTreeMatcher {
  private static final long serialVersionUID = 1L;

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!(tree.getMethodSelect() instanceof IdentifierTree name)
        || !name.getName().contentEquals("probe")
        || tree.getArguments().size() != 1) {
      return Description.NO_MATCH;
    }
    return buildDescription(tree)
        .setMessage(
            "resolves to "
                + state.getSourceForNode(AssignedValues.resolve(tree.getArguments().get(0), state)))
        .build();
  }
}
