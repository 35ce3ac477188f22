package io.oomguard.checker.executors;

import static com.google.errorprone.matchers.method.MethodMatchers.constructor;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.Optional;

/**
 * Which new executors have no bound on queued work or on threads, and of what kind: a queue of
 * tasks (fixed and single-thread pools, a {@code ThreadPoolExecutor} over a capacity-less queue, a
 * Spring pool without a queue capacity), a thread per task (cached pools, hand-off with no
 * maximum), or a delayed-work queue (scheduled pools).
 */
public final class UnboundedPools {
  private static final String EXECUTORS = "java.util.concurrent.Executors";
  private static final String THREAD_POOL_EXECUTOR = "java.util.concurrent.ThreadPoolExecutor";
  private static final String SCHEDULED_POOL = "java.util.concurrent.ScheduledThreadPoolExecutor";

  private static final Matcher<ExpressionTree> QUEUEING_FACTORY =
      staticMethod().onClass(EXECUTORS).namedAnyOf("newFixedThreadPool", "newSingleThreadExecutor");

  private static final Matcher<ExpressionTree> CACHED_FACTORY =
      staticMethod().onClass(EXECUTORS).named("newCachedThreadPool");

  private static final Matcher<ExpressionTree> SCHEDULED_FACTORY =
      staticMethod()
          .onClass(EXECUTORS)
          .namedAnyOf("newScheduledThreadPool", "newSingleThreadScheduledExecutor");

  private static final Matcher<ExpressionTree> THREAD_POOL_CONSTRUCTOR =
      constructor().forClass(THREAD_POOL_EXECUTOR);

  private static final Matcher<ExpressionTree> SCHEDULED_POOL_CONSTRUCTOR =
      constructor().forClass(SCHEDULED_POOL);

  /** What has no bound. */
  public enum Growth {
    /** Tasks wait in a queue without a capacity. */
    QUEUED_TASKS,
    /** Every task that finds no idle thread starts a new one. */
    THREADS,
    /** Tasks wait in a scheduled pool's delayed-work queue, which has no capacity. */
    DELAYED_TASKS
  }

  /** How the executor was made, for messages. */
  public enum Source {
    /** {@code Executors.newFixedThreadPool} or {@code newSingleThreadExecutor}. */
    QUEUEING_FACTORY,
    /** {@code Executors.newCachedThreadPool}. */
    CACHED_FACTORY,
    /** {@code Executors.newScheduledThreadPool} or {@code newSingleThreadScheduledExecutor}. */
    SCHEDULED_FACTORY,
    /** {@code new ScheduledThreadPoolExecutor(...)}. */
    SCHEDULED_CONSTRUCTOR,
    /** {@code new ThreadPoolExecutor(...)} or {@code super(...)} in a subclass. */
    THREAD_POOL_CONSTRUCTOR,
    /** A Spring {@code ThreadPoolTaskExecutor} or {@code ThreadPoolExecutorFactoryBean}. */
    SPRING_POOL
  }

  /**
   * A new executor without a bound.
   *
   * @param growth what grows
   * @param source how it was made
   * @param name the factory method's or class's simple name
   * @param queue for a hand-built {@code ThreadPoolExecutor}, its work queue
   * @param spring for a Spring pool, why it has no bound
   */
  public record Pool(
      Growth growth,
      Source source,
      String name,
      Optional<WorkQueues.UnboundedQueue> queue,
      Optional<SpringPoolConfiguration.Unbounded> spring) {}

  private UnboundedPools() {}

  /** The unbounded executor that {@code tree} creates, if it creates one. */
  public static Optional<Pool> of(ExpressionTree tree, VisitorState state) {
    if (tree instanceof MethodInvocationTree call) {
      return ofCall(call, state);
    }
    if (tree instanceof NewClassTree creation) {
      return ofNewClass(creation, state);
    }
    return Optional.empty();
  }

  private static Optional<Pool> ofCall(MethodInvocationTree call, VisitorState state) {
    if (QUEUEING_FACTORY.matches(call, state)) {
      return Optional.of(
          new Pool(
              Growth.QUEUED_TASKS,
              Source.QUEUEING_FACTORY,
              name(call),
              Optional.empty(),
              Optional.empty()));
    }
    if (CACHED_FACTORY.matches(call, state)) {
      return Optional.of(
          new Pool(
              Growth.THREADS,
              Source.CACHED_FACTORY,
              name(call),
              Optional.empty(),
              Optional.empty()));
    }
    if (SCHEDULED_FACTORY.matches(call, state)) {
      return Optional.of(
          new Pool(
              Growth.DELAYED_TASKS,
              Source.SCHEDULED_FACTORY,
              name(call),
              Optional.empty(),
              Optional.empty()));
    }
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null || !method.isConstructor()) {
      return Optional.empty();
    }
    // `super(core, max, keepAlive, unit, new LinkedBlockingQueue<>())` in a pool subclass
    String owner = method.owner.getQualifiedName().toString();
    if (owner.equals(SCHEDULED_POOL)) {
      return Optional.of(scheduledPool());
    }
    return owner.equals(THREAD_POOL_EXECUTOR)
        ? handBuilt(WorkQueues.unbounded(call.getArguments(), state))
        : Optional.empty();
  }

  private static Optional<Pool> ofNewClass(NewClassTree creation, VisitorState state) {
    if (SCHEDULED_POOL_CONSTRUCTOR.matches(creation, state)) {
      return Optional.of(scheduledPool());
    }
    if (THREAD_POOL_CONSTRUCTOR.matches(creation, state)) {
      return handBuilt(WorkQueues.unbounded(creation.getArguments(), state));
    }
    if (!SpringPoolConfiguration.isSpringPool(creation, state)) {
      return Optional.empty();
    }
    Symbol type = ASTHelpers.getSymbol(creation.getIdentifier());
    if (type == null) {
      return Optional.empty();
    }
    return SpringPoolConfiguration.unbounded(state.getPath(), state)
        .map(
            why ->
                new Pool(
                    why == SpringPoolConfiguration.Unbounded.UNLIMITED_HAND_OFF
                        ? Growth.THREADS
                        : Growth.QUEUED_TASKS,
                    Source.SPRING_POOL,
                    type.getSimpleName().toString(),
                    Optional.empty(),
                    Optional.of(why)));
  }

  private static Pool scheduledPool() {
    return new Pool(
        Growth.DELAYED_TASKS,
        Source.SCHEDULED_CONSTRUCTOR,
        "ScheduledThreadPoolExecutor",
        Optional.empty(),
        Optional.empty());
  }

  private static Optional<Pool> handBuilt(Optional<WorkQueues.UnboundedQueue> queue) {
    return queue.map(
        unbounded ->
            new Pool(
                unbounded.kind() == WorkQueues.Unbounded.UNLIMITED_HAND_OFF
                    ? Growth.THREADS
                    : Growth.QUEUED_TASKS,
                Source.THREAD_POOL_CONSTRUCTOR,
                "ThreadPoolExecutor",
                Optional.of(unbounded),
                Optional.empty()));
  }

  private static String name(MethodInvocationTree call) {
    return ASTHelpers.getSymbol(call).getSimpleName().toString();
  }
}
