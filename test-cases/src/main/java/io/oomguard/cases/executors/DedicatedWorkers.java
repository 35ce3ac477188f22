package io.oomguard.cases.executors;

import jakarta.annotation.PostConstruct;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Unbounded executors whose queue cannot grow: every task they get is submitted at start-up (a
 * dedicated worker running one long loop over a bounded queue), or the submitter waits for it or
 * holds a permit. And the same executors once they do get tasks at run time.
 */
public class DedicatedWorkers {

  /** One long-running loop submitted in the constructor: the real work queue is the bounded one. */
  public static class MergeSender {
    private final BlockingQueue<String> outbox = new ArrayBlockingQueue<>(10_000);
    private final ExecutorService sender = Executors.newSingleThreadExecutor();

    public MergeSender() {
      sender.submit(this::drain);
    }

    public void send(String message) throws InterruptedException {
      outbox.put(message);
    }

    private void drain() {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          outbox.take();
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** The same worker started from a static initializer, through a local. */
  public static class BatchLogger {
    private static final BlockingQueue<String> LOG_QUEUE = new ArrayBlockingQueue<>(1024);

    static {
      ExecutorService writer =
          new ThreadPoolExecutor(
              1, 1, Integer.MAX_VALUE, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
      writer.submit(BatchLogger::writeLoop);
    }

    public static void log(String line) throws InterruptedException {
      LOG_QUEUE.put(line);
    }

    private static void writeLoop() {}
  }

  /** Started from a lifecycle method, and from a private helper only start-up code calls. */
  public static class FileStore {
    private ExecutorService fileWriter;
    private ExecutorService flusher;

    public void init() {
      fileWriter = Executors.newFixedThreadPool(1);
      fileWriter.submit(this::writeLoop);
      startFlusher();
    }

    @PostConstruct
    void afterInjection() {
      startFlusher();
    }

    private void startFlusher() {
      flusher = Executors.newSingleThreadExecutor();
      flusher.execute(this::flushLoop);
    }

    public void destroy() {
      fileWriter.shutdown();
      flusher.shutdown();
    }

    private void writeLoop() {}

    private void flushLoop() {}
  }

  /** A pool nothing gives a task to yet, and one whose callers wait for every task. */
  public static class Aggregator {
    private final ExecutorService unused = Executors.newFixedThreadPool(2);
    private final ExecutorService fanOut = Executors.newFixedThreadPool(8);
    private final ExecutorService lookups = Executors.newCachedThreadPool();

    public List<Future<String>> gather(List<Callable<String>> parts) throws InterruptedException {
      return fanOut.invokeAll(parts);
    }

    public String lookup(Callable<String> query) throws Exception {
      return lookups.submit(query).get();
    }

    public void close() {
      unused.shutdown();
    }
  }

  /** Every submission takes a permit first, and the task gives it back when done. */
  public static class ThrottledUploader {
    private final Semaphore pending = new Semaphore(100);
    private final ExecutorService uploads = Executors.newFixedThreadPool(4);

    public void upload(byte[] chunk) throws InterruptedException {
      pending.acquire();
      uploads.execute(
          () -> {
            try {
              store(chunk);
            } finally {
              pending.release();
            }
          });
    }

    private void store(byte[] chunk) {}
  }

  /** The worker is submitted by a background start-up task, which then lets the pool go. */
  public static class CommandCenter {
    private final ExecutorService acceptor = Executors.newSingleThreadExecutor();

    public void start() {
      Runnable openPort =
          new Runnable() {
            @Override
            public void run() {
              acceptor.submit(CommandCenter.this::acceptLoop);
              acceptor.shutdown();
            }
          };
      new Thread(openPort).start();
    }

    private void acceptLoop() {}
  }

  /** A rate limiter lets a submission through only so often. */
  public static class OnDemandRefresher {
    private final Semaphore burst = new Semaphore(4);
    private final ExecutorService refresher = Executors.newSingleThreadExecutor();

    public boolean refreshNow() {
      if (burst.tryAcquire()) {
        refresher.submit(() -> burst.release());
        return true;
      }
      return false;
    }
  }

  /** A task that hands itself over again when it is done: one at a time, never two. */
  public static class Pump implements Runnable {
    private final ExecutorService pump = Executors.newSingleThreadExecutor();

    public Pump() {
      pump.execute(this);
    }

    @Override
    public void run() {
      drainOnce();
      pump.execute(this);
    }

    private void drainOnce() {}
  }

  /** Kept in a package-private field for tests; the class itself only waits for its tasks. */
  public static class Restarter {
    final ExecutorService restarts = Executors.newFixedThreadPool(4);

    public void restartAll(List<Callable<String>> connectors) throws InterruptedException {
      restarts.invokeAll(connectors);
    }

    public void stop() {
      shutdownQuietly(restarts, 30, TimeUnit.SECONDS);
    }

    private static void shutdownQuietly(ExecutorService pool, long timeout, TimeUnit unit) {
      pool.shutdown();
    }
  }

  /** Handed to a constructor of this file, which only starts one loop on it: followed, quiet. */
  public static class Relay {
    private final Forwarder forwarder = new Forwarder(Executors.newSingleThreadExecutor());

    static final class Forwarder {
      private final ExecutorService loop;

      Forwarder(ExecutorService loop) {
        this.loop = loop;
        loop.submit(Forwarder::forwardLoop);
      }

      private static void forwardLoop() {}
    }
  }

  // Flagged: the dedicated worker also gets tasks at run time.

  /** Followed into a constructor of this file, where every call submits. */
  public static class Dispatcher {
    // BUG: Diagnostic contains: `sink.execute(...)` in `Sender.send` gives it tasks at run time
    private final Sender sender = new Sender(Executors.newFixedThreadPool(2));

    public void dispatch(String message) {
      sender.send(message);
    }

    static final class Sender {
      private final ExecutorService sink;

      Sender(ExecutorService sink) {
        this.sink = sink;
      }

      void send(String message) {
        sink.execute(() -> message.length());
      }
    }
  }

  /** A public pool is there for other classes to give tasks to. */
  public static class SharedPools {
    // BUG: Diagnostic contains: kept in a field other classes can use
    public static final ExecutorService IO = Executors.newFixedThreadPool(8);
  }

  /** A callback registered at start-up runs on every event, not once. */
  public static class EventBridge {
    // BUG: Diagnostic contains: gives it tasks at run time
    private final ExecutorService bridge = Executors.newSingleThreadExecutor();

    public EventBridge(java.util.function.Consumer<java.util.function.Consumer<String>> events) {
      events.accept(event -> bridge.execute(() -> forward(event)));
    }

    private void forward(String event) {}
  }

  /** The worker's pool is reused for one-off tasks submitted on every call. */
  public static class Indexer {
    // BUG: Diagnostic contains: and `indexer.submit(...)` in `Indexer.reindex` gives it tasks at
    // run time
    private final ExecutorService indexer = Executors.newSingleThreadExecutor();

    public Indexer() {
      indexer.submit(this::watchLoop);
    }

    public void reindex(String document) {
      indexer.submit(() -> index(document));
    }

    private void watchLoop() {}

    private void index(String document) {}
  }

  /** A private helper that submits is called at start-up and at run time. */
  public static class Notifier {
    // BUG: Diagnostic contains: UnboundedExecutor
    private final ExecutorService notifier = Executors.newFixedThreadPool(2);

    public Notifier() {
      post("started");
    }

    public void onEvent(String event) {
      post(event);
    }

    private void post(String event) {
      notifier.execute(() -> deliver(event));
    }

    private void deliver(String event) {}
  }

  /** Waiting with a timeout does not hold the task back: a timed-out task stays queued. */
  public static class TimedLookup {
    // BUG: Diagnostic contains: UnboundedExecutor
    private final ExecutorService lookups = Executors.newFixedThreadPool(4);

    public String lookup(Callable<String> query) throws Exception {
      return lookups.submit(query).get(2, TimeUnit.SECONDS);
    }
  }
}
