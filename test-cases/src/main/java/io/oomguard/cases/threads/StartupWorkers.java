package io.oomguard.cases.threads;

import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Timer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/** Threads and pools started once, when the application or a component starts: quiet. */
public class StartupWorkers {
  private static final Thread JANITOR = new Thread(StartupWorkers::sweep, "janitor");

  static {
    JANITOR.setDaemon(true);
    JANITOR.start();
  }

  @Component
  public static class QueueDrainer {
    private final int workers;

    public QueueDrainer(int workers) {
      this.workers = workers;
      Thread watchdog = new Thread(QueueDrainer::idle, "watchdog");
      watchdog.start();
    }

    @PostConstruct
    public void startWorkers() {
      for (int i = 0; i < workers; i++) {
        new Thread(QueueDrainer::idle, "drainer-" + i).start();
      }
    }

    private static void idle() {}
  }

  @Component
  public static class MetricsReporter implements InitializingBean, SmartLifecycle {
    private volatile boolean running;

    @Override
    public void afterPropertiesSet() {
      ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
      scheduler.scheduleAtFixedRate(StartupWorkers::sweep, 1, 1, TimeUnit.MINUTES);
    }

    @Override
    public void start() {
      running = true;
      for (String shard : new String[] {"a", "b", "c"}) {
        new Thread(StartupWorkers::sweep, "reporter-" + shard).start();
      }
    }

    @Override
    public void stop() {
      running = false;
      for (String shard : new java.util.ArrayList<>(java.util.List.of("a", "b", "c"))) {
        new Thread(StartupWorkers::sweep, "flush-" + shard).start();
      }
    }

    @Override
    public boolean isRunning() {
      return running;
    }
  }

  @Configuration
  public static class TimerConfig {
    @Bean
    public Timer housekeepingTimer() {
      Timer timer = new Timer("housekeeping", true);
      return timer;
    }
  }

  /** A server's main: accepts connections in an endless loop. */
  public static class SocketServer {
    public static void main(String[] args) throws IOException {
      ExecutorService handlers =
          new ThreadPoolExecutor(
              8,
              8,
              0L,
              TimeUnit.SECONDS,
              new ArrayBlockingQueue<>(100),
              new ThreadPoolExecutor.CallerRunsPolicy());
      try (ServerSocket server = new ServerSocket(8080)) {
        while (true) {
          Socket client = server.accept();
          handlers.execute(() -> serve(client));
        }
      }
    }

    static void serve(Socket client) {}
  }

  /** The same server with a thread per connection: the accept loop runs per request. */
  public static class ThreadPerConnectionServer {
    public static void main(String[] args) throws IOException {
      try (ServerSocket server = new ServerSocket(8081)) {
        while (true) {
          Socket client = server.accept();
          // BUG: Diagnostic contains: starts a new platform thread inside a loop in
          // `ThreadPerConnectionServer.main`
          new Thread(() -> SocketServer.serve(client)).start();
        }
      }
    }
  }

  /**
   * A worker pool that serves an endless loop lives as long as the method, by design: no thread
   * leak. But the loop moves every task of the inbox into the pool's unbounded queue as fast as
   * they arrive, so the queue is unbounded work (UnboundedExecutor).
   */
  public static class PollingWorker {
    public void run(java.util.concurrent.BlockingQueue<Runnable> inbox)
        throws InterruptedException {
      // BUG: Diagnostic contains: gives it one task per item its loop reads
      ExecutorService pool = Executors.newScheduledThreadPool(2);
      for (; ; ) {
        pool.execute(inbox.take());
      }
    }
  }

  private static void sweep() {}
}
