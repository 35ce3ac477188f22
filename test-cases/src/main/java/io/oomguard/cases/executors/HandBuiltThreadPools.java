package io.oomguard.cases.executors;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** ThreadPoolExecutors built by hand: the work queue decides whether work can pile up. */
public class HandBuiltThreadPools {
  private static final int UNLIMITED = Integer.MAX_VALUE;
  private static final int PENDING_ORDERS = 2_000;

  private final ExecutorService orders =
      // BUG: Diagnostic contains: LinkedBlockingQueue work queue is unbounded (capacity
      // Integer.MAX_VALUE)
      new ThreadPoolExecutor(4, 4, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());

  private final ExecutorService invoices =
      // BUG: Diagnostic contains: LinkedBlockingQueue work queue is unbounded (capacity
      // Integer.MAX_VALUE)
      new ThreadPoolExecutor(2, 8, 30L, TimeUnit.SECONDS, new LinkedBlockingQueue<>(UNLIMITED));

  private final ExecutorService prioritized =
      // BUG: Diagnostic contains: its int argument is only the initial size
      new ThreadPoolExecutor(
          4,
          4,
          0L,
          TimeUnit.MILLISECONDS,
          new PriorityBlockingQueue<>(64, Comparator.comparing(Object::hashCode)));

  private final ExecutorService elastic =
      // BUG: Diagnostic contains: SynchronousQueue with maximumPoolSize Integer.MAX_VALUE
      new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60L, TimeUnit.SECONDS, new SynchronousQueue<>());

  private final ExecutorService transfers =
      // BUG: Diagnostic contains: LinkedTransferQueue work queue has no capacity
      new ThreadPoolExecutor(2, 2, 0L, TimeUnit.SECONDS, new LinkedTransferQueue<>());

  private final BlockingQueue<Runnable> backlog = new LinkedBlockingQueue<>();

  private final ExecutorService replayer;

  // Bounded: an array queue with an explicit rejection policy.
  private final ExecutorService thumbnails =
      new ThreadPoolExecutor(
          4,
          4,
          0L,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(500),
          new ThreadPoolExecutor.CallerRunsPolicy());

  // Bounded: a linked queue with a capacity.
  private final ExecutorService payments =
      new ThreadPoolExecutor(
          2, 2, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(PENDING_ORDERS));

  // Bounded: hand-off with a maximum pool size.
  private final ExecutorService uploads =
      new ThreadPoolExecutor(0, 64, 60L, TimeUnit.SECONDS, new SynchronousQueue<>());

  // A scheduled pool holds the schedules the code makes, not arriving work.
  private final ScheduledThreadPoolExecutor retries = new ScheduledThreadPoolExecutor(1);

  public HandBuiltThreadPools(List<Runnable> replay) {
    // Unbounded, but only the replay list is ever submitted, at start-up: bounded by that list.
    replayer = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.SECONDS, backlog);
    replay.forEach(replayer::execute);
    retries.scheduleWithFixedDelay(this::retryFailed, 1, 1, TimeUnit.SECONDS);
  }

  /** Queue built a line earlier: followed through the local. */
  public ExecutorService exportPool(int threads) {
    BlockingQueue<Runnable> queue = new LinkedBlockingDeque<>();
    // BUG: Diagnostic contains: LinkedBlockingDeque work queue is unbounded (capacity
    // Integer.MAX_VALUE)
    return new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.SECONDS, queue);
  }

  /** The queue comes from the caller: its capacity is not visible here. */
  public ExecutorService poolFor(BlockingQueue<Runnable> queue) {
    return new ThreadPoolExecutor(2, 2, 0L, TimeUnit.SECONDS, queue);
  }

  /** Sized from configuration: bounded. */
  public ExecutorService configuredPool(int threads, int capacity) {
    return new ThreadPoolExecutor(
        threads,
        threads,
        0L,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(capacity),
        new ThreadPoolExecutor.AbortPolicy());
  }

  /** A queue that refuses work beyond a bound by overriding offer(). */
  public ExecutorService scalingPool() {
    return new ThreadPoolExecutor(
        2,
        32,
        60L,
        TimeUnit.SECONDS,
        new LinkedTransferQueue<Runnable>() {
          @Override
          public boolean offer(Runnable task) {
            return size() < 100 && tryTransfer(task);
          }
        });
  }

  /** A pool subclass passes its queue to the ThreadPoolExecutor constructor. */
  static final class TracingPool extends ThreadPoolExecutor {
    TracingPool(int threads) {
      // BUG: Diagnostic contains: This ThreadPoolExecutor has no bound
      super(threads, threads, 0L, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    }
  }

  /** The bounded version of the same subclass. */
  static final class BoundedTracingPool extends ThreadPoolExecutor {
    BoundedTracingPool(int threads) {
      super(threads, threads, 0L, TimeUnit.SECONDS, new ArrayBlockingQueue<>(threads * 10));
    }
  }

  public void submitAll(Runnable task) {
    orders.execute(task);
    invoices.execute(task);
    prioritized.execute(task);
    elastic.execute(task);
    transfers.execute(task);
    thumbnails.execute(task);
    payments.execute(task);
    uploads.execute(task);
  }

  private void retryFailed() {}
}
