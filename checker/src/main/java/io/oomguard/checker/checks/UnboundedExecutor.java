package io.oomguard.checker.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static com.google.errorprone.matchers.method.MethodMatchers.constructor;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.oomguard.annotations.OomSafe;
import io.oomguard.checker.Checks;
import io.oomguard.checker.Guard;
import io.oomguard.checker.OomGuardCheck;
import io.oomguard.checker.executors.BoundedPoolFix;
import io.oomguard.checker.executors.SpringPoolConfiguration;
import io.oomguard.checker.executors.WorkQueues;
import java.util.Optional;

/**
 * Reports executors with no bound on queued work or on threads: the {@code Executors} factories
 * backed by an unbounded {@code LinkedBlockingQueue} or an unlimited thread count, a {@code
 * ThreadPoolExecutor} given a capacity-less queue (or a hand-off queue with no maximum pool size),
 * and a Spring {@code ThreadPoolTaskExecutor} whose queue capacity is never set.
 *
 * <p>Under load such an executor absorbs every task it cannot run at once, as a queued object on
 * the heap or as one more native thread, until the JVM dies. Scheduled executors and fork-join
 * pools are left alone: their queues are unbounded too, but they hold periodic or compute tasks
 * whose number the code controls, and they offer no bounded constructor to move to.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "UnboundedExecutor",
    summary = "Executor without a bound on queued tasks or on threads",
    severity = WARNING,
    linkType = CUSTOM,
    link = Checks.DOCS_BASE + "UnboundedExecutor.md",
    suppressionAnnotations = {SuppressWarnings.class, OomSafe.class})
public final class UnboundedExecutor extends OomGuardCheck
    implements MethodInvocationTreeMatcher, NewClassTreeMatcher {
  private static final long serialVersionUID = 1L;

  private static final String EXECUTORS = "java.util.concurrent.Executors";
  private static final String THREAD_POOL_EXECUTOR = "java.util.concurrent.ThreadPoolExecutor";

  private static final Matcher<ExpressionTree> QUEUEING_FACTORY =
      staticMethod().onClass(EXECUTORS).namedAnyOf("newFixedThreadPool", "newSingleThreadExecutor");

  private static final Matcher<ExpressionTree> CACHED_FACTORY =
      staticMethod().onClass(EXECUTORS).named("newCachedThreadPool");

  private static final Matcher<ExpressionTree> THREAD_POOL_CONSTRUCTOR =
      constructor().forClass(THREAD_POOL_EXECUTOR);

  private static final String BOUNDED_ALTERNATIVE =
      " Use a ThreadPoolExecutor with a bounded ArrayBlockingQueue (sized for the work you can"
          + " afford to hold) and an explicit rejection policy such as CallerRunsPolicy, which"
          + " pushes back on producers instead of letting work pile up.";

  /** Creates the check; it has no configuration. */
  public UnboundedExecutor() {}

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return Guard.match(this, tree, state, UnboundedExecutor::checkMethodInvocation);
  }

  private Description checkMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (QUEUEING_FACTORY.matches(tree, state)) {
      String factory = ASTHelpers.getSymbol(tree).getSimpleName().toString();
      Description.Builder description =
          buildDescription(tree)
              .setMessage(
                  "Executors."
                      + factory
                      + "() queues every task it cannot run at once in an unbounded"
                      + " LinkedBlockingQueue: when tasks arrive faster than they finish, the"
                      + " queue grows on the heap until the JVM runs out of memory."
                      + BOUNDED_ALTERNATIVE);
      Guard.fix(this, tree, state, () -> BoundedPoolFix.of(tree, state))
          .ifPresent(description::addFix);
      return description.build();
    }
    if (CACHED_FACTORY.matches(tree, state)) {
      return describe(
          tree,
          "Executors.newCachedThreadPool() starts a new thread for every task that finds no idle"
              + " one, without limit: a burst of slow tasks creates thousands of threads and ends"
              + " in OutOfMemoryError: unable to create native thread.");
    }
    if (isSuperConstructorCall(tree)) {
      // `super(core, max, keepAlive, unit, new LinkedBlockingQueue<>())` in a pool subclass
      return describeQueue(tree, WorkQueues.unboundedReason(tree.getArguments(), state));
    }
    return Description.NO_MATCH;
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return Guard.match(this, tree, state, UnboundedExecutor::checkNewClass);
  }

  private Description checkNewClass(NewClassTree tree, VisitorState state) {
    if (THREAD_POOL_CONSTRUCTOR.matches(tree, state)) {
      return describeQueue(tree, WorkQueues.unboundedReason(tree.getArguments(), state));
    }
    if (!SpringPoolConfiguration.isSpringPool(tree, state)) {
      return Description.NO_MATCH;
    }
    Optional<String> reason = SpringPoolConfiguration.unboundedReason(state.getPath(), state);
    if (reason.isEmpty()) {
      return Description.NO_MATCH;
    }
    String type = ASTHelpers.getSymbol(tree.getIdentifier()).getSimpleName().toString();
    return describe(
        tree,
        "This "
            + type
            + " has no bound: "
            + reason.get()
            + ". Call setQueueCapacity(n) with a bound sized for the work you can afford to hold"
            + " (and setMaxPoolSize), and set a RejectedExecutionHandler such as CallerRunsPolicy.");
  }

  private static boolean isSuperConstructorCall(MethodInvocationTree tree) {
    MethodSymbol method = ASTHelpers.getSymbol(tree);
    return method != null
        && method.isConstructor()
        && method.owner.getQualifiedName().contentEquals(THREAD_POOL_EXECUTOR);
  }

  private Description describeQueue(ExpressionTree tree, Optional<String> reason) {
    if (reason.isEmpty()) {
      return Description.NO_MATCH;
    }
    return describe(
        tree, "This ThreadPoolExecutor has no bound: " + reason.get() + "." + BOUNDED_ALTERNATIVE);
  }

  private Description describe(ExpressionTree tree, String message) {
    return buildDescription(tree).setMessage(message).build();
  }
}
