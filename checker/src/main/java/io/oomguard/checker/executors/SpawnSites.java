package io.oomguard.checker.executors;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.oomguard.checker.OwnCode;
import io.oomguard.checker.config.OomGuardFlags;
import io.oomguard.checker.hotpath.HotContext;
import io.oomguard.checker.hotpath.HotPaths;
import io.oomguard.checker.hotpath.Loops;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * Facts about the place a thread, timer or pool is created that make a creation in hot code
 * harmless: it is stored once (lazy initialization), a semaphore bounds the fan-out, or the loop
 * around it only starts a fixed set of workers.
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
   * Whether the thread is started under a check that lets only one through at a time: an {@code if}
   * whose condition flips an atomic flag ({@code if (running.compareAndSet(false, true))}).
   */
  public static boolean isSingleFlight(TreePath path) {
    Tree child = path.getLeaf();
    for (TreePath current = path.getParentPath();
        current != null;
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return false;
      }
      if (leaf instanceof IfTree conditional
          && child == conditional.getThenStatement()
          && flipsAtomicFlag(conditional.getCondition())) {
        return true;
      }
      child = leaf;
    }
    return false;
  }

  private static boolean flipsAtomicFlag(ExpressionTree condition) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        Symbol method = ASTHelpers.getSymbol(call);
        found[0] |= method != null && method.getSimpleName().contentEquals("compareAndSet");
        return super.visitMethodInvocation(call, null);
      }
    }.scan(condition, null);
    return found[0];
  }

  /**
   * Whether the thread started at {@code start} (a {@code thread.start()} on a local variable) ends
   * with the call: the method joins it, or interrupts it in a {@code finally} block.
   */
  public static boolean isEndedInCall(TreePath start) {
    if (!(start.getLeaf() instanceof MethodInvocationTree call)
        || !(ASTHelpers.getReceiver(call) instanceof IdentifierTree receiver)) {
      return false;
    }
    Symbol thread = ASTHelpers.getSymbol(receiver);
    MethodTree method = ASTHelpers.findEnclosingNode(start, MethodTree.class);
    if (thread == null || method == null || method.getBody() == null) {
      return false;
    }
    boolean[] ended = {false};
    new OwnCode.Scanner<Void, Boolean>() {
      @Override
      public Void visitTry(com.sun.source.tree.TryTree tree, Boolean inFinally) {
        scan(tree.getResources(), inFinally);
        scan(tree.getBlock(), inFinally);
        scan(tree.getCatches(), inFinally);
        scan(tree.getFinallyBlock(), true);
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Boolean inFinally) {
        Symbol called = ASTHelpers.getSymbol(tree);
        ExpressionTree target = ASTHelpers.getReceiver(tree);
        if (called != null && target != null && thread.equals(ASTHelpers.getSymbol(target))) {
          ended[0] |=
              called.getSimpleName().contentEquals("join")
                  || (inFinally && called.getSimpleName().contentEquals("interrupt"));
        }
        return super.visitMethodInvocation(tree, inFinally);
      }
    }.scan(method.getBody(), false);
    return ended[0];
  }

  /**
   * Why the creation at {@code path} runs per request or per item, looking past loops that only
   * start a fixed set of workers: a counted {@code for} loop whose bound is a constant or a plain
   * int variable ({@code i < workers}, not {@code i < items.size()}), and, in start-up code, any
   * {@code for} loop or per-element lambda. A {@code while} loop is never looked past: it is
   * usually an accept or poll loop that runs per connection or per message.
   */
  public static Optional<HotContext> hotContext(
      TreePath path, VisitorState state, OomGuardFlags flags) {
    TreePath current = path;
    for (TreePath loop = perIterationAncestor(current, state);
        loop != null && isWorkerLoop(loop, state);
        loop = perIterationAncestor(current, state)) {
      current = loop;
    }
    return HotPaths.of(current, state, flags);
  }

  /** The loop (or iteration call) that makes the code at {@code path} run per iteration. */
  private static TreePath perIterationAncestor(TreePath path, VisitorState state) {
    Tree child = path.getLeaf();
    for (TreePath current = path.getParentPath();
        current != null;
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (Loops.runsPerIteration(leaf, child, state)) {
        return current;
      }
      if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return null;
      }
      child = leaf;
    }
    return null;
  }

  private static boolean isWorkerLoop(TreePath loop, VisitorState state) {
    Tree leaf = loop.getLeaf();
    if (leaf instanceof ForLoopTree counted && isCountBound(counted.getCondition())) {
      return true;
    }
    return StartupCode.containsStartOrStop(loop, state)
        && !(leaf instanceof WhileLoopTree)
        && !(leaf instanceof DoWhileLoopTree);
  }

  /** {@code i < 4}, {@code i < WORKERS}, {@code i < threads}, {@code i < this.shards}. */
  private static boolean isCountBound(ExpressionTree condition) {
    if (!(condition instanceof BinaryTree comparison)
        || (comparison.getKind() != Tree.Kind.LESS_THAN
            && comparison.getKind() != Tree.Kind.LESS_THAN_EQUAL)) {
      return false;
    }
    ExpressionTree bound = comparison.getRightOperand();
    if (ASTHelpers.constValue(bound) != null) {
      return true;
    }
    Symbol symbol = ASTHelpers.getSymbol(bound);
    return (bound instanceof IdentifierTree || bound instanceof MemberSelectTree)
        && symbol instanceof VarSymbol
        && symbol.type.isPrimitive()
        && !symbol.getSimpleName().contentEquals("length");
  }
}
