package io.oomguard.cases.threads;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.ListeningExecutorService;
import com.google.common.util.concurrent.MoreExecutors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Batch code that is not a request handler: threads started per item, and pools created in a method
 * that must shut them down before it is done with them.
 */
public class BatchJobs {
  private final ExecutorService shared;
  private ScheduledExecutorService retries;

  public BatchJobs(ExecutorService shared) {
    this.shared = shared;
  }

  // Per item: a thread for every element of the batch.

  public void importFiles(List<Path> files) {
    for (Path file : files) {
      // BUG: Diagnostic contains: starts a new platform thread inside a loop in
      // `BatchJobs.importFiles`
      new Thread(() -> parse(file)).start();
    }
  }

  public void notifyAll(List<String> users) {
    // BUG: Diagnostic contains: inside a lambda run per element by `forEach`
    users.forEach(user -> new Thread(() -> parse(Path.of(user))).start());
  }

  public void scheduleAll(List<String> jobs) {
    int i = 0;
    while (i < jobs.size()) {
      // BUG: Diagnostic contains: java.util.Timer
      new Timer().schedule(noop(), 1_000L);
      i++;
    }
  }

  // Method-local pools that outlive the method.

  public void reindex(List<Runnable> tasks) {
    ExecutorService pool =
        // BUG: Diagnostic contains: `pool` (`new ThreadPoolExecutor(...)`) is never shut down and
        // does not leave this method
        new ThreadPoolExecutor(4, 4, 0L, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64));
    tasks.forEach(pool::execute);
  }

  public List<String> crawl(List<Callable<String>> pages) throws Exception {
    // BUG: Diagnostic contains: is not shut down on every path: `page.get()` can throw
    // ExecutionException
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<String> bodies = new ArrayList<>(pages.size());
    for (Future<String> page : pool.invokeAll(pages)) {
      bodies.add(page.get());
    }
    pool.shutdown();
    return bodies;
  }

  public void replay(List<Runnable> events) {
    // BUG: Diagnostic contains: it returns at `return;`
    ExecutorService pool = Executors.newScheduledThreadPool(2);
    if (events.isEmpty()) {
      return;
    }
    events.forEach(pool::execute);
    pool.shutdown();
  }

  public void thumbnails(List<Callable<String>> jobs) {
    ExecutorService pool =
        // BUG: Diagnostic contains: `pool.shutdown()` runs only at the end of a `try` block
        new ThreadPoolExecutor(2, 2, 0L, TimeUnit.SECONDS, new ArrayBlockingQueue<>(8));
    try {
      pool.invokeAny(jobs);
      pool.shutdown();
    } catch (InterruptedException | ExecutionException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void cleanupLater(Runnable cleanup) {
    // BUG: Diagnostic contains: is used once and dropped without shutdown()
    Executors.newSingleThreadScheduledExecutor().schedule(cleanup, 5, TimeUnit.MINUTES);
  }

  public void remindLater(Runnable reminder) {
    // BUG: Diagnostic contains: `timer` (`new Timer(...)`) is never cancelled
    // Call cancel() in a finally block
    Timer timer = new Timer("reminder");
    timer.schedule(noop(), 60_000L);
  }

  public String firstResult(Callable<String> a, Callable<String> b) {
    // BUG: Diagnostic contains: it throws at `throw new IllegalStateException(e);`
    ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);
    String winner;
    try {
      winner = pool.invokeAny(List.of(a, b));
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
    pool.shutdownNow();
    return winner;
  }

  /** A pool made per reload behind a decorator, never shut down: the same threads leak. */
  public ListenableFuture<String> reload(Callable<String> fetch) {
    ListeningExecutorService service =
        // BUG: Diagnostic contains: `Executors.newFixedThreadPool(...)` is never shut down
        MoreExecutors.listeningDecorator(Executors.newFixedThreadPool(10));
    return service.submit(fetch);
  }

  /**
   * A pool per item of a loop that is never shut down: one risk, reported once, here and not also
   * as an unbounded queue.
   */
  public void probeAll(List<Runnable> probes) {
    for (Runnable probe : probes) {
      // BUG: Diagnostic contains: creates a new thread pool inside a loop in `BatchJobs.probeAll`
      ExecutorService pool = Executors.newSingleThreadExecutor();
      pool.execute(probe);
    }
  }

  // Quiet: shut down on every path, handed on, or self-draining.

  /** A watchdog thread per job, interrupted in finally: it ends with its iteration. */
  public void runWithWatchdogs(List<Runnable> jobs) {
    for (Runnable job : jobs) {
      Thread watchdog = new Thread(() -> parse(Path.of("watch")));
      try {
        watchdog.start();
        job.run();
      } finally {
        watchdog.interrupt();
      }
    }
  }

  /** A thread per file, joined before the next one starts. */
  public void convertEach(List<Path> files) throws InterruptedException {
    for (Path file : files) {
      Thread converter = new Thread(() -> parse(file));
      converter.start();
      converter.join();
    }
  }

  /**
   * A pool per item, waited for and shut down on every path within the iteration: one pool's
   * threads at a time, nothing piles up.
   */
  public void connectAll(List<Callable<String>> nodes) throws Exception {
    for (Callable<String> node : nodes) {
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        pool.submit(node).get(30, TimeUnit.SECONDS);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  public void resize(List<Callable<String>> images) throws InterruptedException {
    ExecutorService pool = Executors.newScheduledThreadPool(4);
    try {
      pool.invokeAll(images);
    } finally {
      pool.shutdownNow();
    }
  }

  public void compact(List<Runnable> segments) throws InterruptedException {
    ExecutorService pool =
        new ThreadPoolExecutor(4, 4, 0L, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64));
    segments.forEach(pool::execute);
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
  }

  public void verify(Future<String> upstream) {
    ExecutorService pool = Executors.newScheduledThreadPool(2);
    try {
      upstream.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      pool.shutdownNow();
      throw new IllegalStateException(e);
    }
    pool.shutdown();
  }

  public void exportAsync(List<Runnable> parts) {
    ExecutorService pool =
        new ThreadPoolExecutor(2, 2, 0L, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16));
    CompletableFuture.allOf(
            parts.stream()
                .map(part -> CompletableFuture.runAsync(part, pool))
                .toArray(CompletableFuture[]::new))
        .whenComplete((ignored, failure) -> pool.shutdown());
  }

  public ExecutorService poolForTenant(int threads) {
    ExecutorService pool = Executors.newScheduledThreadPool(threads);
    return pool;
  }

  public void startRetries() {
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    retries = scheduler;
  }

  public void fanOut(List<Runnable> work) {
    ExecutorService stealing = Executors.newWorkStealingPool();
    work.forEach(stealing::execute);
  }

  public void delegate(List<Runnable> work) {
    ExecutorService pool = Executors.newSingleThreadScheduledExecutor();
    runAndShutDown(pool, work);
  }

  public void startConsumers(int consumers) {
    for (int i = 0; i < consumers; i++) {
      new Thread(() -> parse(Path.of("inbox")), "consumer-" + i).start();
    }
  }

  public void awaitInterruptibly(List<Callable<String>> jobs) {
    ExecutorService pool =
        new ThreadPoolExecutor(2, 2, 0L, TimeUnit.SECONDS, new ArrayBlockingQueue<>(8));
    try {
      pool.invokeAll(jobs);
      pool.shutdown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void reuseShared(List<Runnable> work) {
    work.forEach(shared::execute);
  }

  public ScheduledExecutorService retries() {
    return retries;
  }

  private static void runAndShutDown(ExecutorService pool, List<Runnable> work) {
    work.forEach(pool::execute);
    pool.shutdown();
  }

  private static TimerTask noop() {
    return new TimerTask() {
      @Override
      public void run() {}
    };
  }

  private void parse(Path file) {}
}
