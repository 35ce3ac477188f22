package io.oomguard.cases.threads;

import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A Spring controller that hands work to other threads, well and badly. */
@RestController
public class OrderController {
  private final ExecutorService mailer;
  private final ThreadFactory threads;
  private final Semaphore exportSlots = new Semaphore(4);
  private final java.util.concurrent.atomic.AtomicBoolean reindexing =
      new java.util.concurrent.atomic.AtomicBoolean();
  private ExecutorService reportPool;

  public OrderController(ExecutorService mailer, ThreadFactory threads) {
    this.mailer = mailer;
    this.threads = threads;
  }

  public record Order(String id, String email) {}

  @PostMapping("/orders")
  public String create(@RequestBody Order order) {
    // BUG: Diagnostic contains: `new Thread(...).start()` starts a new platform thread
    // in request handler `OrderController.create` (POST /orders)
    new Thread(() -> sendConfirmation(order)).start();
    return order.id();
  }

  @PostMapping("/orders/{id}/invoice")
  public void invoice(@PathVariable String id) {
    Thread renderer = new Thread(() -> render(id), "invoice-" + id);
    renderer.setDaemon(true);
    // BUG: Diagnostic contains: thread `renderer` starts a new platform thread
    renderer.start();
  }

  @PostMapping("/orders/{id}/reminder")
  public void remind(@PathVariable String id) {
    // BUG: Diagnostic contains: creates a java.util.Timer, and with it a new thread,
    // in request handler `OrderController.remind`
    Timer timer = new Timer("reminder-" + id, true);
    timer.schedule(
        new TimerTask() {
          @Override
          public void run() {
            render(id);
          }
        },
        TimeUnit.HOURS.toMillis(24));
  }

  @PostMapping("/orders/batch")
  public int batch(@RequestBody List<Order> orders) throws Exception {
    ExecutorService pool =
        // BUG: Diagnostic contains: `pool` (`new ThreadPoolExecutor(...)`) creates a new thread
        // pool
        new ThreadPoolExecutor(4, 4, 0L, TimeUnit.SECONDS, new ArrayBlockingQueue<>(100));
    try {
      for (Order order : orders) {
        pool.submit(() -> sendConfirmation(order));
      }
    } finally {
      pool.shutdown();
    }
    return orders.size();
  }

  @PostMapping("/orders/{id}/audit")
  public void audit(@PathVariable String id) {
    // BUG: Diagnostic contains: starts a new platform thread in request handler
    threads.newThread(() -> render(id)).start();
  }

  @GetMapping("/orders/{id}/pdf")
  public void pdf(@PathVariable String id) {
    renderInBackground(id);
  }

  private void renderInBackground(String id) {
    // BUG: Diagnostic contains: in `OrderController.renderInBackground`, reached from request
    // handler `OrderController.pdf`
    new Thread(() -> render(id)).start();
  }

  // Quiet from here on: work goes to a shared executor, or the fan-out is bounded.

  @PostMapping("/orders/{id}/mail")
  public void mail(@PathVariable String id) {
    mailer.execute(() -> render(id));
  }

  @PostMapping("/orders/{id}/mail-async")
  public CompletableFuture<Void> mailAsync(@PathVariable String id) {
    return CompletableFuture.runAsync(() -> render(id), mailer);
  }

  @GetMapping("/orders/report")
  public Future<?> report() {
    if (reportPool == null) {
      reportPool = new ThreadPoolExecutor(1, 1, 0L, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10));
    }
    return reportPool.submit(() -> render("report"));
  }

  @PostMapping("/orders/export")
  public void export(@RequestBody List<String> ids) throws InterruptedException {
    for (String id : ids) {
      exportSlots.acquire();
      Thread exporter =
          new Thread(
              () -> {
                try {
                  render(id);
                } finally {
                  exportSlots.release();
                }
              });
      exporter.start();
    }
  }

  @PostMapping("/orders/reindex")
  public void reindex() {
    // One at a time: the flag lets a second request through only after the first has finished.
    if (reindexing.compareAndSet(false, true)) {
      new Thread(
              () -> {
                try {
                  render("all");
                } finally {
                  reindexing.set(false);
                }
              })
          .start();
    }
  }

  @GetMapping("/orders/{id}/thread")
  public Thread unstarted(@PathVariable String id) {
    return new Thread(() -> render(id));
  }

  private void sendConfirmation(Order order) {}

  private void render(String id) {}
}
