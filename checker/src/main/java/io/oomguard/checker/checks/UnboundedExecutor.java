package io.oomguard.checker.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.oomguard.annotations.OomSafe;
import io.oomguard.checker.Checks;
import io.oomguard.checker.Guard;
import io.oomguard.checker.OomGuardCheck;
import io.oomguard.checker.config.OomGuardFlags;
import io.oomguard.checker.executors.BoundedPoolFix;
import io.oomguard.checker.executors.QueueGrowth;
import io.oomguard.checker.executors.QueueGrowth.Growth;
import io.oomguard.checker.executors.SpringPoolConfiguration;
import io.oomguard.checker.executors.Submissions.Submission;
import io.oomguard.checker.executors.ThreadPileUp;
import io.oomguard.checker.executors.UnboundedPools;
import io.oomguard.checker.executors.UnboundedPools.Pool;
import io.oomguard.checker.executors.WorkQueues;
import io.oomguard.checker.hotpath.HotContext;
import io.oomguard.checker.hotpath.HotPaths;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Reports executors with no bound on queued work or on threads that receive work while the
 * application runs: the {@code Executors} factories backed by an unbounded queue or an unlimited
 * thread count, a {@code ThreadPoolExecutor} given a capacity-less queue (or a hand-off queue with
 * no maximum pool size), a Spring {@code ThreadPoolTaskExecutor} whose queue capacity is never set,
 * and scheduled pools whose delayed-work queue keeps cancelled or repeated tasks.
 *
 * <p>Under load such an executor absorbs every task it cannot run at once, as a queued object on
 * the heap or as one more native thread, until the JVM dies. An executor that only ever gets tasks
 * from start-up code (a dedicated worker running one long loop) is bounded by construction and is
 * not reported; {@link QueueGrowth} has the rules. A pool created per request or per item is
 * reported by {@code ThreadCreationInHotPath} instead: there the threads pile up, not one queue.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "UnboundedExecutor",
    summary = "Executor without a bound on queued tasks or on threads, fed at run time",
    severity = WARNING,
    linkType = CUSTOM,
    link = Checks.DOCS_BASE + "UnboundedExecutor.md",
    suppressionAnnotations = {SuppressWarnings.class, OomSafe.class})
public final class UnboundedExecutor extends OomGuardCheck
    implements MethodInvocationTreeMatcher, NewClassTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final OomGuardFlags flags;

  /** Creates the check with default flags. */
  public UnboundedExecutor() {
    this(ErrorProneFlags.empty());
  }

  /** Creates the check with the {@code -XepOpt:OomGuard:*} flags of this compilation. */
  @Inject
  UnboundedExecutor(ErrorProneFlags flags) {
    this.flags = OomGuardFlags.read(flags);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return Guard.match(this, tree, state, UnboundedExecutor::match);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return Guard.match(this, tree, state, UnboundedExecutor::match);
  }

  private Description match(ExpressionTree tree, VisitorState state) {
    if (flags.reportIfInvalid(state)) {
      return Description.NO_MATCH; // a bad -XepOpt:OomGuard flag, reported as a compiler error
    }
    Optional<Pool> pool = UnboundedPools.of(tree, state);
    if (pool.isEmpty()) {
      return Description.NO_MATCH;
    }
    if (ThreadPileUp.of(tree, state, flags).flatMap(ThreadPileUp.Verdict::hot).isPresent()) {
      return Description.NO_MATCH; // made per request or item: ThreadCreationInHotPath reports it
    }
    Optional<Growth> growth = QueueGrowth.of(pool.get(), state.getPath(), state);
    if (growth.isEmpty()) {
      return Description.NO_MATCH;
    }
    Description.Builder description =
        buildDescription(tree)
            .setMessage(
                unbounded(pool.get())
                    + fed(growth.get(), state)
                    + ": "
                    + consequence(pool.get(), growth.get())
                    + " "
                    + remedy(pool.get(), growth.get()));
    if (pool.get().source() == UnboundedPools.Source.QUEUEING_FACTORY
        && growth.get().cause() != QueueGrowth.Cause.SOURCE_LOOP
        && tree instanceof MethodInvocationTree call) {
      Guard.fix(this, tree, state, () -> BoundedPoolFix.of(call, state))
          .ifPresent(description::addFix);
    }
    return description.build();
  }

  /** What has no bound, as the subject of the message. */
  private static String unbounded(Pool pool) {
    return switch (pool.source()) {
      case QUEUEING_FACTORY ->
          "Executors."
              + pool.name()
              + "() queues every task it cannot run at once in an unbounded LinkedBlockingQueue";
      case CACHED_FACTORY ->
          "Executors.newCachedThreadPool() starts a new thread for every task that finds no idle"
              + " one, without limit";
      case SCHEDULED_FACTORY ->
          "Executors." + pool.name() + "() keeps every pending task in an unbounded queue";
      case SCHEDULED_CONSTRUCTOR ->
          "This ScheduledThreadPoolExecutor keeps every pending task in an unbounded queue";
      case THREAD_POOL_CONSTRUCTOR ->
          "This ThreadPoolExecutor has no bound: " + queueReason(pool.queue().orElseThrow());
      case SPRING_POOL ->
          "This "
              + pool.name()
              + " has no bound: "
              + (pool.spring().orElseThrow() == SpringPoolConfiguration.Unbounded.UNLIMITED_HAND_OFF
                  ? "its queueCapacity is 0 and its maxPoolSize is left at Integer.MAX_VALUE, so"
                      + " every task that finds no idle thread starts a new one"
                  : "its queueCapacity is never set and defaults to Integer.MAX_VALUE");
    };
  }

  private static String queueReason(WorkQueues.UnboundedQueue queue) {
    return switch (queue.kind()) {
      case LINKED_WITHOUT_CAPACITY ->
          "its " + queue.queueType() + " work queue is unbounded (capacity Integer.MAX_VALUE)";
      case TRANSFER_QUEUE -> "its LinkedTransferQueue work queue has no capacity at all";
      case PRIORITY_QUEUE ->
          "its PriorityBlockingQueue work queue has no capacity limit (its int argument is only the"
              + " initial size)";
      case UNLIMITED_HAND_OFF ->
          "it hands every task to a SynchronousQueue with maximumPoolSize Integer.MAX_VALUE, so"
              + " each task that finds no idle thread starts a new one";
    };
  }

  /** Where the work comes from. */
  private String fed(Growth growth, VisitorState state) {
    if (growth.cause() == QueueGrowth.Cause.HANDED_OUT) {
      return switch (growth.escape().orElseThrow()) {
        case RETURNED -> ", and it is returned for other code to give tasks to at run time";
        case HANDED_ON -> ", and it is handed to other code, which may give it tasks at run time";
        case SHARED_FIELD ->
            ", and it is kept in a field other classes can use to give it tasks at run time";
      };
    }
    Submission site =
        growth.sites().stream()
            .filter(s -> hotContext(s, state).isPresent())
            .findFirst()
            .orElse(growth.sites().get(0));
    String call = "`" + label(site, state) + "` " + where(site, state);
    return switch (growth.cause()) {
      case RUN_TIME_SUBMISSIONS -> ", and " + call + " gives it tasks at run time";
      case SOURCE_LOOP -> ", and " + call + " gives it one task per item its loop reads";
      case CANCELLED_TASKS ->
          ", and "
              + call
              + " schedules tasks at run time that are later cancelled; a cancelled task stays"
              + " in the queue until its delay elapses";
      case REPEATED_PERIODIC_TASKS ->
          ", and "
              + call
              + " adds another periodic task every time it runs, without checking or cancelling"
              + " the one before";
      case HANDED_OUT -> throw new IllegalStateException();
    };
  }

  /** Why that is dangerous. */
  private static String consequence(Pool pool, Growth growth) {
    return switch (growth.cause()) {
      case CANCELLED_TASKS ->
          "the queue grows with every cancellation, holding each task and what it captured,"
              + " until the heap runs out.";
      case REPEATED_PERIODIC_TASKS ->
          "the periodic tasks pile up in the queue, and every one of them keeps running.";
      case SOURCE_LOOP ->
          "the loop reads faster than the pool works, so the queue ends up holding a task for"
              + " every item.";
      default ->
          pool.growth() == UnboundedPools.Growth.THREADS
              ? "a burst of slow tasks starts thousands of threads and ends in OutOfMemoryError:"
                  + " unable to create native thread."
              : "when tasks arrive faster than they finish, the queue grows on the heap until the"
                  + " JVM runs out of memory.";
    };
  }

  /** The fix that removes the risk. */
  private static String remedy(Pool pool, Growth growth) {
    switch (growth.cause()) {
      case CANCELLED_TASKS:
        return "Call setRemoveOnCancelPolicy(true) on the ScheduledThreadPoolExecutor, so that a"
            + " cancelled task leaves the queue at once.";
      case REPEATED_PERIODIC_TASKS:
        return "Schedule it once: keep the ScheduledFuture and return early while it is still"
            + " running, or cancel it before scheduling again.";
      case SOURCE_LOOP:
        return "Make the loop wait: a bounded ArrayBlockingQueue with CallerRunsPolicy, or a"
            + " Semaphore acquired per submitted task and released when it ends.";
      default:
        break;
    }
    if (pool.source() == UnboundedPools.Source.SPRING_POOL) {
      return "Call setQueueCapacity(n) with a bound sized for the work you can afford to hold (and"
          + " setMaxPoolSize), and set a RejectedExecutionHandler such as CallerRunsPolicy.";
    }
    if (pool.growth() == UnboundedPools.Growth.DELAYED_TASKS) {
      return "Run immediate work on a bounded ThreadPoolExecutor (an ArrayBlockingQueue and a"
          + " rejection policy such as CallerRunsPolicy) and keep the scheduled pool for timers.";
    }
    if (pool.growth() == UnboundedPools.Growth.THREADS) {
      return "Give it a real maximumPoolSize and a bounded ArrayBlockingQueue, with a rejection"
          + " policy such as CallerRunsPolicy that pushes back on producers.";
    }
    return "Use a ThreadPoolExecutor with a bounded ArrayBlockingQueue (sized for the work you can"
        + " afford to hold) and an explicit rejection policy such as CallerRunsPolicy, which pushes"
        + " back on producers instead of letting work pile up.";
  }

  /** {@code pool.execute(...)}, {@code pool::submit}, {@code CompletableFuture.runAsync(...)}. */
  private static String label(Submission site, VisitorState state) {
    if (site.site().getLeaf() instanceof MemberReferenceTree reference) {
      return state.getSourceForNode(reference);
    }
    String source = state.getSourceForNode(site.site().getLeaf());
    if (source == null) {
      return "a submission";
    }
    int open = source.indexOf('(');
    return open < 0 ? source : source.substring(0, open).replaceAll("\\s+", "") + "(...)";
  }

  private String where(Submission site, VisitorState state) {
    return hotContext(site, state).map(HotContext::describe).orElseGet(() -> inMethod(site));
  }

  private Optional<HotContext> hotContext(Submission site, VisitorState state) {
    return HotPaths.of(site.site(), state, flags);
  }

  /** "in `Owner.method`" for the method (or initializer) holding the site. */
  private static String inMethod(Submission site) {
    for (TreePath current = site.site(); current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        if (symbol == null) {
          break;
        }
        String owner = symbol.owner.getSimpleName().toString();
        return "in `"
            + (owner.isEmpty() ? "an anonymous class" : owner)
            + "."
            + (symbol.isConstructor() ? owner : symbol.getSimpleName())
            + "`";
      }
      if (current.getLeaf() instanceof ClassTree) {
        break;
      }
    }
    return "here";
  }
}
