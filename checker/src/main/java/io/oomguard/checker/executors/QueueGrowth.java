package io.oomguard.checker.executors;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.util.TreePath;
import io.oomguard.checker.executors.Submissions.Kind;
import io.oomguard.checker.executors.Submissions.Submission;
import io.oomguard.checker.executors.Submissions.Uses;
import java.util.Optional;

/**
 * Whether work really piles up in an executor that has no bound ({@link UnboundedPools}): a queue
 * only grows when tasks keep arriving while the application runs. The rules, from {@link
 * Submissions}:
 *
 * <ul>
 *   <li>An executor that receives tasks only from start-up code (a dedicated worker running one
 *       long loop) is bounded by construction; so is one that is never given a task.
 *   <li>A task queue grows from a run-time {@code execute} / {@code submit} that the caller does
 *       not wait for and nothing throttles. An executor handed to code out of sight is presumed to
 *       get such tasks: that is what shared executors are for.
 *   <li>A pool that lives in one method holds only what that call submits: it grows only when a
 *       loop pulls items from a source (a cursor, a stream) and submits one task each, faster than
 *       the pool works.
 *   <li>A scheduled pool's delayed-work queue holds every pending timer. It grows from run-time
 *       immediate tasks as above; from delayed tasks that are cancelled, which stay queued until
 *       their delay elapses unless {@code setRemoveOnCancelPolicy(true)} is set; and from periodic
 *       tasks scheduled again at run time without checking or cancelling the earlier one. Timers
 *       that simply fire are bounded by their rate and delay, and a scheduled pool handed out is
 *       not presumed to grow: how its users schedule and cancel decides, and that is out of sight
 *       (measured on real services, most are handed to a task that reschedules itself).
 * </ul>
 */
public final class QueueGrowth {
  /** Why work piles up. */
  public enum Cause {
    /** Tasks submitted at run time by code of this file. */
    RUN_TIME_SUBMISSIONS,
    /** Handed to code out of sight, which may submit at any time. */
    HANDED_OUT,
    /** A pool of one method, fed one task per item by a loop that reads from a source. */
    SOURCE_LOOP,
    /** Delayed tasks scheduled at run time and then cancelled, never removed from the queue. */
    CANCELLED_TASKS,
    /** A periodic task added again at run time, the earlier one neither checked nor cancelled. */
    REPEATED_PERIODIC_TASKS
  }

  /**
   * Work that piles up.
   *
   * @param cause why
   * @param sites the submissions that make it grow (empty for {@link Cause#HANDED_OUT}), in file
   *     order
   * @param escape for {@link Cause#HANDED_OUT}, how the executor leaves the file
   */
  public record Growth(
      Cause cause, ImmutableList<Submission> sites, Optional<Submissions.Escape> escape) {}

  private QueueGrowth() {}

  /**
   * Whether work piles up in the executor {@code tree} (at {@code state}'s path) creates, if it
   * creates one without a bound.
   */
  public static Optional<Growth> of(ExpressionTree tree, VisitorState state) {
    return UnboundedPools.of(tree, state).flatMap(pool -> of(pool, state.getPath(), state));
  }

  /** Whether work piles up in {@code pool}, created by the expression at {@code creation}. */
  public static Optional<Growth> of(
      UnboundedPools.Pool pool, TreePath creation, VisitorState state) {
    Uses uses = Submissions.of(creation, state);
    boolean scheduled = pool.growth() == UnboundedPools.Growth.DELAYED_TASKS;
    if (uses.escape().isEmpty() && uses.holder() != Submissions.Holder.FIELD) {
      // One call's pool (or one used in place): only a loop reading from a source fills it.
      return grow(
          Cause.SOURCE_LOOP,
          uses.submissions().stream()
              .filter(site -> site.inSourceLoop() && grows(site, uses))
              .collect(ImmutableList.toImmutableList()));
    }
    for (Submission site : uses.submissions()) {
      if (!site.atStartUp() && grows(site, uses)) {
        Cause cause = causeOf(site.kind());
        return grow(
            cause,
            uses.submissions().stream()
                .filter(s -> !s.atStartUp() && grows(s, uses) && causeOf(s.kind()) == cause)
                .collect(ImmutableList.toImmutableList()));
      }
    }
    if (uses.escape().isPresent() && !scheduled) {
      return Optional.of(new Growth(Cause.HANDED_OUT, ImmutableList.of(), uses.escape()));
    }
    return Optional.empty();
  }

  private static boolean grows(Submission site, Uses uses) {
    return switch (site.kind()) {
      case IMMEDIATE -> !site.awaited() && !site.throttled() && !site.replacesItself();
      case DELAYED -> site.cancelled() && !uses.removesCancelledTasks() && !site.replacesItself();
      case PERIODIC -> !site.kept();
    };
  }

  private static Cause causeOf(Kind kind) {
    return switch (kind) {
      case IMMEDIATE -> Cause.RUN_TIME_SUBMISSIONS;
      case DELAYED -> Cause.CANCELLED_TASKS;
      case PERIODIC -> Cause.REPEATED_PERIODIC_TASKS;
    };
  }

  private static Optional<Growth> grow(Cause cause, ImmutableList<Submission> sites) {
    return sites.isEmpty()
        ? Optional.empty()
        : Optional.of(new Growth(cause, sites, Optional.empty()));
  }
}
