package io.oomguard.cases.threads;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Objects made per request or per item whose construction creates threads: a timer or pool in a
 * field initializer or constructor runs once per object, so the threads follow the objects.
 */
public class PerObjectThreads {

  /** A response writer made for every request, each with a timer thread of its own. */
  @Path("/items")
  public static class ItemResource {
    @GET
    public String list() {
      ResponseWriter writer = new ResponseWriter();
      writer.suspend(30_000L);
      return "items";
    }

    static final class ResponseWriter {
      // BUG: Diagnostic contains: creates a java.util.Timer, and with it a new thread, for every
      // `ResponseWriter`, and `ResponseWriter` objects are made in JAX-RS resource method
      // `ItemResource.list`
      private final Timer timer = new Timer();

      void suspend(long millis) {
        timer.schedule(
            new TimerTask() {
              @Override
              public void run() {}
            },
            millis);
      }
    }
  }

  /** One monitor per sub-range of a job, each with its own scheduled pool. */
  public static class RangeJob {
    public List<RangeTask> tasks(List<long[]> ranges) {
      List<RangeTask> tasks = new ArrayList<>();
      for (long[] range : ranges) {
        tasks.add(new RangeTask(range[0], range[1]));
      }
      return tasks;
    }

    static final class RangeTask {
      private final long from;
      private final long to;
      private final ScheduledExecutorService monitor;

      RangeTask(long from, long to) {
        this.from = from;
        this.to = to;
        // BUG: Diagnostic contains: creates a new thread pool for every `RangeTask`
        this.monitor = Executors.newSingleThreadScheduledExecutor();
      }

      void watch(Runnable check) {
        monitor.scheduleAtFixedRate(check, 1, 1, TimeUnit.MINUTES);
      }
    }
  }

  /** An anonymous handler object per request, with a pool in its field. */
  @Path("/events")
  public static class EventResource {
    @GET
    public String poll() {
      Runnable handler =
          new Runnable() {
            // BUG: Diagnostic contains: for every `anonymous Runnable`
            private final ExecutorService worker = Executors.newCachedThreadPool();

            @Override
            public void run() {
              worker.execute(() -> {});
            }
          };
      handler.run();
      return "ok";
    }
  }

  // Quiet: the objects are made once, or get their threads from outside, or share static ones.

  /** The writer is made once, at start-up, and kept. */
  @Path("/reports")
  public static class ReportResource {
    private final Writer writer = new Writer();

    @GET
    public String report() {
      writer.suspend(10L);
      return "report";
    }

    static final class Writer {
      private final Timer timer = new Timer(true);

      void suspend(long millis) {
        timer.schedule(
            new TimerTask() {
              @Override
              public void run() {}
            },
            millis);
      }
    }
  }

  /** A writer per request that is handed the shared scheduler instead of making its own. */
  @Path("/orders")
  public static class OrderResource {
    private final ScheduledExecutorService timeouts = Executors.newScheduledThreadPool(2);

    @GET
    public String list() {
      new SharedWriter(timeouts).suspend(30L);
      return "orders";
    }

    static final class SharedWriter {
      private static final ForkJoinPool CALLBACKS = new ForkJoinPool(1);
      private final ScheduledExecutorService timeouts;

      SharedWriter(ScheduledExecutorService timeouts) {
        this.timeouts = timeouts;
      }

      void suspend(long seconds) {
        timeouts.schedule(() -> CALLBACKS.execute(() -> {}), seconds, TimeUnit.SECONDS);
      }
    }
  }

  /** A fixed set of workers made at start-up, each with its own thread. */
  public static class WorkerGroup {
    private final List<Worker> workers = new ArrayList<>();

    public WorkerGroup(int size) {
      for (int i = 0; i < size; i++) {
        workers.add(new Worker());
      }
    }

    static final class Worker {
      Worker() {
        new Thread(Worker::loop, "worker").start();
      }

      private static void loop() {}
    }
  }
}
