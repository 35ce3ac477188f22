package io.oomguard.checker.executors;

import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;

/**
 * A test-only check that reports what {@link Spawn} and {@link PoolLifecycle} say at every thread,
 * timer or pool creation, so that fixtures can state their verdicts line by line.
 */
@BugPattern(
    summary = "Reports Spawn and PoolLifecycle verdicts",
    severity = BugPattern.SeverityLevel.WARNING)
public final class LifecycleProbe extends BugChecker
    implements MethodInvocationTreeMatcher, NewClassTreeMatcher {
  private static final long serialVersionUID = 1L;

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return probe(tree, state);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return probe(tree, state);
  }

  private Description probe(ExpressionTree tree, VisitorState state) {
    return Spawn.of(tree, state)
        .map(
            spawn -> {
              String message = spawn.kind() + " " + spawn.label();
              if (spawn.kind() == Spawn.Kind.POOL || spawn.kind() == Spawn.Kind.TIMER) {
                PoolLifecycle.Verdict verdict = PoolLifecycle.of(state.getPath(), state);
                message +=
                    " fate=" + verdict.fate() + verdict.variable().map(v -> " var=" + v).orElse("");
                if (!verdict.detail().isEmpty()) {
                  message += " detail=" + verdict.detail();
                }
                if (verdict.fate() == PoolLifecycle.Fate.SHUT_DOWN) {
                  message += " threadsEnd=" + verdict.threadsEnd();
                }
              }
              return buildDescription(tree).setMessage(message).build();
            })
        .orElse(Description.NO_MATCH);
  }
}
