package io.oomguard.checker.executors;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.constructor;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;
import static com.google.errorprone.predicates.TypePredicates.isDescendantOf;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An expression that creates a thread pool: an {@code Executors.new*} factory call or a {@code new
 * ThreadPoolExecutor / ScheduledThreadPoolExecutor / ForkJoinPool} (or subclass) construction.
 *
 * @param label how messages name the creation, e.g. {@code Executors.newFixedThreadPool(...)}
 * @param keepsIdleThreads whether the pool keeps its threads alive until it is shut down, so that
 *     an abandoned pool leaks them for good (fixed, single-thread, scheduled and hand-built pools);
 *     cached, work-stealing and fork-join pools let idle threads die after a minute, and
 *     thread-per-task executors keep no threads at all
 * @param virtual whether the pool runs every task on a new virtual thread
 */
public record PoolCreation(String label, boolean keepsIdleThreads, boolean virtual) {
  private static final String EXECUTORS = "java.util.concurrent.Executors";

  private static final Matcher<ExpressionTree> EXECUTORS_FACTORY =
      staticMethod().onClass(EXECUTORS).withNameMatching(Pattern.compile("new.*"));

  private static final Matcher<ExpressionTree> POOL_CONSTRUCTOR =
      anyOf(
          constructor().forClass(isDescendantOf("java.util.concurrent.ThreadPoolExecutor")),
          constructor().forClass(isDescendantOf("java.util.concurrent.ForkJoinPool")));

  /** Factories whose pools let idle threads time out or keep no threads at all. */
  private static final ImmutableSet<String> SELF_DRAINING_FACTORIES =
      ImmutableSet.of(
          "newCachedThreadPool",
          "newWorkStealingPool",
          "newVirtualThreadPerTaskExecutor",
          "newThreadPerTaskExecutor");

  /** Whether {@code tree} creates a thread pool, and which. */
  public static Optional<PoolCreation> of(ExpressionTree tree, VisitorState state) {
    if (tree instanceof MethodInvocationTree call && EXECUTORS_FACTORY.matches(call, state)) {
      MethodSymbol method = ASTHelpers.getSymbol(call);
      String name = method.getSimpleName().toString();
      return Optional.of(
          new PoolCreation(
              "Executors." + name + (call.getArguments().isEmpty() ? "()" : "(...)"),
              !SELF_DRAINING_FACTORIES.contains(name),
              name.equals("newVirtualThreadPerTaskExecutor")));
    }
    if (tree instanceof NewClassTree creation && POOL_CONSTRUCTOR.matches(creation, state)) {
      // The named class, also for an anonymous subclass `new ThreadPoolExecutor(...) {...}`.
      Symbol named = ASTHelpers.getSymbol(creation.getIdentifier());
      if (named == null) {
        return Optional.empty();
      }
      boolean forkJoin =
          ASTHelpers.isSubtype(
              named.type, state.getTypeFromString("java.util.concurrent.ForkJoinPool"), state);
      return Optional.of(
          new PoolCreation("new " + named.getSimpleName() + "(...)", !forkJoin, false));
    }
    return Optional.empty();
  }
}
