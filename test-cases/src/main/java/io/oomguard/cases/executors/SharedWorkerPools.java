package io.oomguard.cases.executors;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/** Long-lived pools built with the Executors factories and kept in fields. */
public class SharedWorkerPools {
  // BUG: Diagnostic contains: Executors.newFixedThreadPool() queues every task
  private static final ExecutorService IMAGE_RESIZERS = Executors.newFixedThreadPool(8);

  // BUG: Diagnostic contains: unbounded LinkedBlockingQueue
  private static final ExecutorService AUDIT_WRITER = Executors.newSingleThreadExecutor();

  // BUG: Diagnostic contains: starts a new thread for every task that finds no idle one
  private final ExecutorService callbacks = Executors.newCachedThreadPool();

  private final ExecutorService indexers;

  private final ExecutorService journal;

  private final ExecutorService notifiers;

  /** Periodic jobs: the queue holds schedules the code controls, not arriving work. */
  private final ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2);

  /** Compute fan-out on the shared fork-join pools. */
  private final ExecutorService stealing = Executors.newWorkStealingPool();

  private final ForkJoinPool common = ForkJoinPool.commonPool();

  public SharedWorkerPools(ThreadFactory threads, int cores) {
    // BUG: Diagnostic contains: UnboundedExecutor
    indexers = Executors.newFixedThreadPool(cores * 2, threads);
    // BUG: Diagnostic contains: UnboundedExecutor
    journal = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "journal"));
    // BUG: Diagnostic contains: Executors.newCachedThreadPool()
    notifiers = Executors.newCachedThreadPool(threads);
    ticker.scheduleAtFixedRate(this::flush, 1, 1, TimeUnit.SECONDS);
  }

  public void resize(Runnable job) {
    IMAGE_RESIZERS.execute(job);
    AUDIT_WRITER.execute(job);
    callbacks.execute(job);
    indexers.execute(job);
    journal.execute(job);
    notifiers.execute(job);
    stealing.execute(job);
    common.execute(job);
  }

  private void flush() {}
}
