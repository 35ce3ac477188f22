package io.oomguard.checker.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import io.oomguard.annotations.OomSafe;
import io.oomguard.checker.Checks;
import io.oomguard.checker.Guard;
import io.oomguard.checker.OomGuardCheck;
import io.oomguard.checker.config.OomGuardFlags;
import io.oomguard.checker.executors.PoolLifecycle;
import io.oomguard.checker.executors.PoolLifecycle.Fate;
import io.oomguard.checker.executors.QueueGrowth;
import io.oomguard.checker.executors.Spawn;
import io.oomguard.checker.executors.ThreadPileUp;
import io.oomguard.checker.hotpath.HotContext;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Reports threads, timers and thread pools created per request or per item — in hot code, or in the
 * constructor or a field initializer of a class whose objects are made there — and thread pools
 * created in a method that neither hands them on nor shuts them down on every path.
 *
 * <p>Each request that starts a thread or builds a pool adds native threads; under load they pile
 * up until the JVM fails with {@code OutOfMemoryError: unable to create native thread}. A pool
 * abandoned without {@code shutdown()} keeps its threads forever, so every call leaks them. A pool
 * or timer the call ends before it returns (shut down and waited for) does not pile up, nor does a
 * thread the call joins. Start-up code (constructors, {@code main}, {@code @PostConstruct}, ...) is
 * exempt from the leak rule and from loops that start a fixed set of workers. {@link ThreadPileUp}
 * has the rules.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "ThreadCreationInHotPath",
    summary = "Thread, timer or thread pool created per request or per item, or never shut down",
    severity = ERROR,
    linkType = CUSTOM,
    link = Checks.DOCS_BASE + "ThreadCreationInHotPath.md",
    suppressionAnnotations = {SuppressWarnings.class, OomSafe.class})
public final class ThreadCreationInHotPath extends OomGuardCheck
    implements MethodInvocationTreeMatcher, NewClassTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final OomGuardFlags flags;

  /** Creates the check with default flags. */
  public ThreadCreationInHotPath() {
    this(ErrorProneFlags.empty());
  }

  /** Creates the check with the {@code -XepOpt:OomGuard:*} flags of this compilation. */
  @Inject
  ThreadCreationInHotPath(ErrorProneFlags flags) {
    this.flags = OomGuardFlags.read(flags);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return Guard.match(this, tree, state, ThreadCreationInHotPath::match);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return Guard.match(this, tree, state, ThreadCreationInHotPath::match);
  }

  private Description match(ExpressionTree tree, VisitorState state) {
    if (flags.reportIfInvalid(state)) {
      return Description.NO_MATCH; // a bad -XepOpt:OomGuard flag, reported as a compiler error
    }
    Optional<ThreadPileUp.Verdict> verdict = ThreadPileUp.of(tree, state, flags);
    if (verdict.isEmpty()) {
      return Description.NO_MATCH;
    }
    Spawn spawn = verdict.get().spawn();
    PoolLifecycle.Verdict fate = verdict.get().lifecycle();
    Optional<HotContext> hot = verdict.get().hot();
    boolean leaks = verdict.get().leaks();
    if (hot.isEmpty() && (!leaks || QueueGrowth.of(tree, state).isPresent())) {
      // Not per request or item: a leaked pool whose queue fills within the call is one risk,
      // and UnboundedExecutor, which names the loop that fills it, reports it.
      return Description.NO_MATCH;
    }
    String what =
        PoolLifecycle.holderName(state.getPath())
            .map(name -> "`" + name + "` (" + spawn.label() + ")")
            .orElse(spawn.label());
    String message =
        hot.map(
                context ->
                    verdict
                            .get()
                            .perInstanceOf()
                            .map(type -> perInstanceMessage(spawn, what, type, context))
                            .orElseGet(() -> hotMessage(spawn, what, context))
                        + (leaks ? alsoLeaks(spawn, fate) : ""))
            .orElseGet(() -> leakMessage(spawn, what, fate));
    return buildDescription(tree).setMessage(message).build();
  }

  private static final String NATIVE_THREADS =
      " Under load they pile up until the JVM fails with OutOfMemoryError: unable to create native"
          + " thread.";

  private static String hotMessage(Spawn spawn, String what, HotContext context) {
    String where = " " + context.describe();
    return switch (spawn.kind()) {
      case PLATFORM_THREAD ->
          what
              + " starts a new platform thread"
              + where
              + ": one more native thread per request or item, with nothing bounding how many run"
              + " at once."
              + NATIVE_THREADS
              + " Submit the work to a shared, bounded executor kept in a field (a"
              + " ThreadPoolExecutor with an ArrayBlockingQueue and a rejection policy).";
      case VIRTUAL_THREAD ->
          what
              + " starts a virtual thread"
              + where
              + " with nothing bounding how many exist at once: each holds its stack and captured"
              + " data on the heap, so a burst of requests or a large batch piles them up without"
              + " limit. Bound the fan-out with a Semaphore (acquire before starting, release in a"
              + " finally block inside the thread) or submit to a shared, bounded executor.";
      case TIMER ->
          what
              + " creates a java.util.Timer, and with it a new thread,"
              + where
              + "."
              + NATIVE_THREADS
              + " Schedule the work on one shared ScheduledExecutorService kept in a field.";
      case POOL ->
          spawn.pool().map(pool -> pool.virtual()).orElse(false)
              ? what
                  + " creates a virtual-thread executor"
                  + where
                  + " and does not close it here, so nothing waits for or bounds the threads it"
                  + " starts. Open it in try-with-resources so the caller waits for its tasks, and"
                  + " bound the fan-out with a Semaphore."
              : what
                  + " creates a new thread pool"
                  + where
                  + ": every request or item starts fresh threads."
                  + NATIVE_THREADS
                  + " Create one bounded executor at start-up, keep it in a field and share it.";
    };
  }

  private static String perInstanceMessage(
      Spawn spawn, String what, String type, HotContext context) {
    String creates =
        switch (spawn.kind()) {
          case PLATFORM_THREAD -> " starts a new platform thread";
          case VIRTUAL_THREAD -> " starts a virtual thread";
          case TIMER -> " creates a java.util.Timer, and with it a new thread,";
          case POOL -> " creates a new thread pool";
        };
    return what
        + creates
        + " for every `"
        + type
        + "`, and `"
        + type
        + "` objects are made "
        + context.describe()
        + ": one per request or item."
        + NATIVE_THREADS
        + " Create the "
        + (spawn.kind() == Spawn.Kind.TIMER ? "timer" : "threads")
        + " once, at start-up, and pass the shared "
        + (spawn.kind() == Spawn.Kind.TIMER ? "scheduler" : "bounded executor")
        + " to each `"
        + type
        + "`.";
  }

  private static String leakMessage(Spawn spawn, String what, PoolLifecycle.Verdict fate) {
    boolean timer = spawn.kind() == Spawn.Kind.TIMER;
    String remedy =
        timer
            ? " Call cancel() in a finally block, or create one timer at start-up, keep it in a field"
                + " and share it."
            : " Call shutdown() in a finally block (or use try-with-resources on JDK 19+), or create"
                + " one pool at start-up, keep it in a field and share it.";
    String threads = timer ? "its thread stays" : "its threads stay";
    if (fate.fate() == Fate.NOT_ON_EVERY_PATH) {
      return what
          + " is not "
          + (timer ? "cancelled" : "shut down")
          + " on every path: "
          + fate.detail()
          + "; on that path "
          + threads
          + " alive for good, and every call that takes it leaks more."
          + remedy;
    }
    return what
        + (fate.variable().isEmpty()
            ? " is used once and dropped without " + (timer ? "cancel()" : "shutdown()")
            : " is never "
                + (timer ? "cancelled" : "shut down")
                + " and does not leave this method")
        + ": "
        + threads
        + " alive after the method returns, so every call leaks more."
        + NATIVE_THREADS
        + remedy;
  }

  /** The short form of {@link #leakMessage}, appended to a hot-code finding. */
  private static String alsoLeaks(Spawn spawn, PoolLifecycle.Verdict fate) {
    String call = spawn.kind() == Spawn.Kind.TIMER ? "cancel()" : "shutdown()";
    return fate.fate() == Fate.NOT_ON_EVERY_PATH
        ? " It is not shut down on every path either ("
            + fate.detail()
            + "): call "
            + call
            + " in a finally block."
        : " It is never shut down either, so its threads outlive the call: call "
            + call
            + " in a finally block.";
  }
}
