package io.oomguard.checker.executors;

import com.google.common.base.CaseFormat;
import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.fixes.SuggestedFixes;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import io.oomguard.checker.fixes.Constants;
import java.util.List;
import java.util.Optional;

/**
 * The fix for {@code Executors.newFixedThreadPool(n[, factory])} and {@code
 * newSingleThreadExecutor([factory])}: the same pool spelled out as a {@code ThreadPoolExecutor}
 * whose queue is an {@code ArrayBlockingQueue} of a named capacity, added to the class as a
 * constant for the user to review ({@link Constants}), with an explicit rejection policy.
 *
 * <p>A fixed pool gets {@code CallerRunsPolicy}: when the queue is full the submitting thread runs
 * the task itself, which slows producers down instead of dropping work. A single-thread executor
 * gets {@code AbortPolicy}: running a task on the caller would break its one-at-a-time guarantee,
 * so a full queue is reported to the caller as {@code RejectedExecutionException} instead.
 */
public final class BoundedPoolFix {
  /** The starting value of the capacity constant; the user is told to review it. */
  static final String DEFAULT_CAPACITY = "1_000";

  private BoundedPoolFix() {}

  /** The rewrite for {@code call}, or empty when it is not one of the two factories or unsafe. */
  public static Optional<SuggestedFix> of(MethodInvocationTree call, VisitorState state) {
    Symbol method = ASTHelpers.getSymbol(call);
    if (method == null) {
      return Optional.empty();
    }
    List<? extends ExpressionTree> args = call.getArguments();
    String threads;
    ExpressionTree factory;
    boolean single;
    switch (method.getSimpleName().toString()) {
      case "newFixedThreadPool" -> {
        threads = args.isEmpty() ? null : state.getSourceForNode(args.get(0));
        factory = args.size() == 2 ? args.get(1) : null;
        single = false;
        if (threads == null || !isRepeatable(args.get(0))) {
          return Optional
              .empty(); // the pool size is written twice; evaluating it twice must be safe
        }
      }
      case "newSingleThreadExecutor" -> {
        threads = "1";
        factory = args.size() == 1 ? args.get(0) : null;
        single = true;
      }
      default -> {
        return Optional.empty();
      }
    }
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String capacity =
        Constants.add(
            state.getPath(),
            state,
            fix,
            "int",
            constantBaseName(state.getPath()),
            DEFAULT_CAPACITY,
            single
                ? "tasks that may wait for the thread; beyond this, submissions are rejected."
                : "tasks that may wait for a thread; beyond this, callers run them.");
    String pool = SuggestedFixes.qualifyType(state, fix, "java.util.concurrent.ThreadPoolExecutor");
    String unit = SuggestedFixes.qualifyType(state, fix, "java.util.concurrent.TimeUnit");
    String queue =
        SuggestedFixes.qualifyType(state, fix, "java.util.concurrent.ArrayBlockingQueue");
    String replacement =
        "new "
            + pool
            + "("
            + threads
            + ", "
            + threads
            + ", 0L, "
            + unit
            + ".MILLISECONDS, new "
            + queue
            + "<>("
            + capacity
            + "), "
            + (factory == null ? "" : state.getSourceForNode(factory) + ", ")
            + "new "
            + pool
            + (single ? ".AbortPolicy())" : ".CallerRunsPolicy())");
    return Optional.of(fix.replace(call, replacement).build());
  }

  /** Pure enough to evaluate twice: names, literals, getters and arithmetic on them. */
  private static boolean isRepeatable(ExpressionTree tree) {
    if (tree instanceof LiteralTree || tree instanceof IdentifierTree) {
      return true;
    }
    if (tree instanceof MemberSelectTree select) {
      return isRepeatable(select.getExpression());
    }
    if (tree instanceof ParenthesizedTree parenthesized) {
      return isRepeatable(parenthesized.getExpression());
    }
    if (tree instanceof BinaryTree binary) {
      return isRepeatable(binary.getLeftOperand()) && isRepeatable(binary.getRightOperand());
    }
    if (tree instanceof MethodInvocationTree call) {
      // availableProcessors(), config.getWorkers(): no arguments, receivers themselves repeatable
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      return call.getArguments().isEmpty() && (receiver == null || isRepeatable(receiver));
    }
    return false;
  }

  /** {@code WORKERS_QUEUE_CAPACITY} for a pool stored in {@code workers}, and so on. */
  private static String constantBaseName(TreePath path) {
    Tree parent = path.getParentPath().getLeaf();
    String owner = null;
    if (parent instanceof VariableTree variable) {
      owner = variable.getName().toString();
    } else if (parent instanceof AssignmentTree assignment) {
      Symbol assigned = ASTHelpers.getSymbol(assignment.getVariable());
      owner = assigned == null ? null : assigned.getSimpleName().toString();
    } else if (parent instanceof ReturnTree) {
      MethodTree method = ASTHelpers.findEnclosingNode(path, MethodTree.class);
      owner = method == null ? null : method.getName().toString();
    }
    if (owner == null || owner.isEmpty()) {
      return "QUEUE_CAPACITY";
    }
    String upper =
        owner.equals(owner.toUpperCase())
            ? owner
            : CaseFormat.LOWER_CAMEL.to(CaseFormat.UPPER_UNDERSCORE, owner);
    return upper + "_QUEUE_CAPACITY";
  }
}
