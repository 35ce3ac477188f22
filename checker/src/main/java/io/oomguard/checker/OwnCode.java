package io.oomguard.checker;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;

/**
 * Scanners of a method's own code: they do not descend into the lambdas and the classes declared in
 * it, whose code runs later, elsewhere or not at all (a callback, a task, an anonymous listener).
 * Each analysis that asks "what does this method do" (return, release, guard, read) extends one.
 */
public final class OwnCode {
  private OwnCode() {}

  /** A {@link TreeScanner} that skips lambdas and class declarations. */
  public static class Scanner<R, P> extends TreeScanner<R, P> {
    @Override
    public R visitLambdaExpression(LambdaExpressionTree tree, P parameter) {
      return null;
    }

    @Override
    public R visitClass(ClassTree tree, P parameter) {
      return null;
    }
  }

  /** A {@link TreePathScanner} that skips lambdas and class declarations. */
  public static class PathScanner<R, P> extends TreePathScanner<R, P> {
    @Override
    public R visitLambdaExpression(LambdaExpressionTree tree, P parameter) {
      return null;
    }

    @Override
    public R visitClass(ClassTree tree, P parameter) {
      return null;
    }
  }
}
