package io.oomguard.checker.executors;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import io.oomguard.checker.hotpath.Loops;
import javax.lang.model.element.ElementKind;

/**
 * Facts about the place a thread, timer or pool is created that make a creation in hot code
 * harmless: it is stored once (lazy initialization), a semaphore bounds the fan-out, or it is a
 * start-up loop starting a fixed set of workers.
 */
public final class SpawnSites {
  private static final Matcher<ExpressionTree> SEMAPHORE_ACQUIRE =
      instanceMethod()
          .onDescendantOf("java.util.concurrent.Semaphore")
          .namedAnyOf("acquire", "acquireUninterruptibly", "tryAcquire");

  private static final Matcher<ExpressionTree> COMPUTE_IF_ABSENT =
      instanceMethod().onDescendantOf("java.util.Map").named("computeIfAbsent");

  private SpawnSites() {}

  /**
   * Whether the created object goes straight into a field ({@code if (pool == null) pool = ...}) or
   * into a map by {@code computeIfAbsent}: created once (per key), not once per call.
   */
  public static boolean isStoredInField(TreePath creation, VisitorState state) {
    TreePath parent = creation.getParentPath();
    while (parent.getLeaf() instanceof ParenthesizedTree) {
      parent = parent.getParentPath();
    }
    if (parent.getLeaf() instanceof AssignmentTree assignment) {
      Symbol assigned = ASTHelpers.getSymbol(assignment.getVariable());
      return assigned != null && assigned.getKind() == ElementKind.FIELD;
    }
    return parent.getLeaf() instanceof LambdaExpressionTree lambda
        && parent.getParentPath().getLeaf() instanceof MethodInvocationTree call
        && call.getArguments().contains(lambda)
        && COMPUTE_IF_ABSENT.matches(call, state);
  }

  /** Whether threads are started under a {@code Semaphore} acquired in the same method. */
  public static boolean isBoundedBySemaphore(Spawn spawn, VisitorState state) {
    if (spawn.kind() != Spawn.Kind.PLATFORM_THREAD && spawn.kind() != Spawn.Kind.VIRTUAL_THREAD) {
      return false;
    }
    MethodTree method = ASTHelpers.findEnclosingNode(state.getPath(), MethodTree.class);
    if (method == null || method.getBody() == null) {
      return false;
    }
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        found[0] |= SEMAPHORE_ACQUIRE.matches(tree, state);
        return super.visitMethodInvocation(tree, null);
      }
    }.scan(method.getBody(), null);
    return found[0];
  }

  /**
   * Whether the creation is in start-up code, inside a counted {@code for} loop or a per-element
   * lambda: starting N workers once. A {@code while} loop in start-up code is not exempt, since it
   * is usually an accept or poll loop that runs per connection or per message.
   */
  public static boolean isStartupWorkerLoop(TreePath creation, VisitorState state) {
    if (!StartupCode.contains(creation)) {
      return false;
    }
    Tree child = creation.getLeaf();
    for (TreePath current = creation.getParentPath();
        current != null;
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (Loops.runsPerIteration(leaf, child, state)) {
        return !(leaf instanceof WhileLoopTree) && !(leaf instanceof DoWhileLoopTree);
      }
      if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return false;
      }
      child = leaf;
    }
    return false;
  }
}
