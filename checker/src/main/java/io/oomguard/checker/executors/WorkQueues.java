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
  /** Why a pool's work queue or thread count has no bound. */
  public enum Unbounded {
    /** A {@code LinkedBlockingQueue} or {@code LinkedBlockingDeque} without a capacity. */
    LINKED_WITHOUT_CAPACITY,
    /** A {@code LinkedTransferQueue}, which has no capacity at all. */
    TRANSFER_QUEUE,
    /** A {@code PriorityBlockingQueue}, whose int argument is only the initial size. */
    PRIORITY_QUEUE,
    /** A {@code SynchronousQueue} with {@code maximumPoolSize} {@code Integer.MAX_VALUE}. */
    UNLIMITED_HAND_OFF
  }

  /**
   * An unbounded work queue.
   *
   * @param kind why it has no bound
   * @param queueType the simple name of the queue's class
   */
  public record UnboundedQueue(Unbounded kind, String queueType) {}

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
   * How a {@code ThreadPoolExecutor} built from these constructor arguments lets queued tasks or
   * threads grow without bound, or empty when a bound is visible or the queue cannot be seen.
   */
  public static Optional<UnboundedQueue> unbounded(
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
      return Optional.of(new UnboundedQueue(Unbounded.TRANSFER_QUEUE, simpleName(queueType)));
    }
    if (isA(queueType, PRIORITY_QUEUE, state)) {
      return Optional.of(new UnboundedQueue(Unbounded.PRIORITY_QUEUE, simpleName(queueType)));
    }
    if (!(queue instanceof NewClassTree creation)) {
      return Optional.empty(); // built elsewhere: its capacity is not visible here
    }
    if (isA(queueType, LINKED_QUEUE, state) || isA(queueType, LINKED_DEQUE, state)) {
      return linkedQueueIsUnbounded(creation)
          ? Optional.of(
              new UnboundedQueue(Unbounded.LINKED_WITHOUT_CAPACITY, simpleName(queueType)))
          : Optional.empty();
    }
    if (isA(queueType, SYNCHRONOUS_QUEUE, state)
        && isMaxInt(constructorArguments.get(MAX_POOL_SIZE_ARG))) {
      return Optional.of(new UnboundedQueue(Unbounded.UNLIMITED_HAND_OFF, simpleName(queueType)));
    }
    return Optional.empty();
  }

  /** {@code new LinkedBlockingQueue<>()}, {@code (collection)} or {@code (Integer.MAX_VALUE)}. */
  private static boolean linkedQueueIsUnbounded(NewClassTree creation) {
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
