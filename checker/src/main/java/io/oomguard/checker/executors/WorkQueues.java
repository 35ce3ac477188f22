package io.oomguard.checker.executors;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Type;
import java.util.List;
import java.util.Optional;

/**
 * What bounds a {@code ThreadPoolExecutor}: the capacity of its work queue and, for a hand-off
 * {@code SynchronousQueue}, its maximum pool size.
 */
public final class WorkQueues {
  private static final String LINKED_QUEUE = "java.util.concurrent.LinkedBlockingQueue";
  private static final String LINKED_DEQUE = "java.util.concurrent.LinkedBlockingDeque";
  private static final String TRANSFER_QUEUE = "java.util.concurrent.LinkedTransferQueue";
  private static final String PRIORITY_QUEUE = "java.util.concurrent.PriorityBlockingQueue";
  private static final String SYNCHRONOUS_QUEUE = "java.util.concurrent.SynchronousQueue";

  /** Position of {@code maximumPoolSize} in every {@code ThreadPoolExecutor} constructor. */
  private static final int MAX_POOL_SIZE_ARG = 1;

  /** Position of {@code workQueue} in every {@code ThreadPoolExecutor} constructor. */
  private static final int QUEUE_ARG = 4;

  private WorkQueues() {}

  /**
   * Why a {@code ThreadPoolExecutor} built from these constructor arguments lets queued tasks or
   * threads grow without bound, or empty when a bound is visible or the queue cannot be seen.
   */
  public static Optional<String> unboundedReason(
      List<? extends ExpressionTree> constructorArguments, VisitorState state) {
    if (constructorArguments.size() <= QUEUE_ARG) {
      return Optional.empty();
    }
    ExpressionTree queue = AssignedValues.resolve(constructorArguments.get(QUEUE_ARG), state);
    if (queue instanceof NewClassTree creation && creation.getClassBody() != null) {
      return Optional.empty(); // an anonymous subclass may override offer() to bound itself
    }
    Type queueType = ASTHelpers.getType(queue);
    if (isA(queueType, TRANSFER_QUEUE, state)) {
      return Optional.of(
          "its LinkedTransferQueue work queue has no capacity at all, so queued tasks pile up on"
              + " the heap whenever they arrive faster than the threads finish them");
    }
    if (isA(queueType, PRIORITY_QUEUE, state)) {
      return Optional.of(
          "its PriorityBlockingQueue work queue has no capacity limit (its int argument is only"
              + " the initial size), so queued tasks pile up on the heap whenever they arrive"
              + " faster than the threads finish them");
    }
    if (!(queue instanceof NewClassTree creation)) {
      return Optional.empty(); // built elsewhere: its capacity is not visible here
    }
    if (isA(queueType, LINKED_QUEUE, state) || isA(queueType, LINKED_DEQUE, state)) {
      return linkedQueueIsUnbounded(creation, state)
          ? Optional.of(
              "its "
                  + simpleName(queueType)
                  + " work queue is unbounded (capacity Integer.MAX_VALUE), so queued"
                  + " tasks pile up on the heap whenever they arrive faster than the threads"
                  + " finish them")
          : Optional.empty();
    }
    if (isA(queueType, SYNCHRONOUS_QUEUE, state)
        && isMaxInt(constructorArguments.get(MAX_POOL_SIZE_ARG))) {
      return Optional.of(
          "it hands every task to a SynchronousQueue with maximumPoolSize Integer.MAX_VALUE, so"
              + " each task that finds no idle thread starts a new one, without limit");
    }
    return Optional.empty();
  }

  /** {@code new LinkedBlockingQueue<>()}, {@code (collection)} or {@code (Integer.MAX_VALUE)}. */
  private static boolean linkedQueueIsUnbounded(NewClassTree creation, VisitorState state) {
    if (creation.getArguments().isEmpty()) {
      return true;
    }
    ExpressionTree argument = creation.getArguments().get(0);
    Type argumentType = ASTHelpers.getType(argument);
    if (argumentType != null && !argumentType.isPrimitive()) {
      return true; // the copy constructor: capacity Integer.MAX_VALUE
    }
    return isMaxInt(argument);
  }

  /** Whether {@code tree} is the constant {@code Integer.MAX_VALUE}. */
  public static boolean isMaxInt(ExpressionTree tree) {
    return Integer.valueOf(Integer.MAX_VALUE).equals(ASTHelpers.constValue(tree));
  }

  /** Exactly that class: a named subclass may bound itself by overriding {@code offer}. */
  private static boolean isA(Type type, String className, VisitorState state) {
    Type target = state.getTypeFromString(className);
    return type != null && target != null && ASTHelpers.isSameType(type, target, state);
  }

  private static String simpleName(Type type) {
    return type.tsym.getSimpleName().toString();
  }
}
