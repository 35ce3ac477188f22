package io.oomguard.cases.threads;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.util.List;
import java.util.Timer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.jms.annotation.JmsListener;

/** JAX-RS, servlets, filters, the JDK HTTP server and a JMS listener creating threads per call. */
public class ServerHandlers {

  /**
   * Quiet: a pool per request that the request waits for and shuts down on every path. Its threads
   * end with the request, so there are at most as many pools as requests running at once, which the
   * server's own threads bound: wasteful, but nothing piles up.
   */
  @Path("/thumbnails")
  public static class ThumbnailResource {
    @POST
    public int resize(List<String> images) throws Exception {
      ForkJoinPool pool = new ForkJoinPool(4);
      try {
        return pool.submit(() -> images.parallelStream().mapToInt(String::length).sum()).get();
      } finally {
        pool.shutdown();
      }
    }
  }

  /** Quiet: a timer per request, cancelled before the request ends, ends its thread. */
  public static class SessionServlet extends javax.servlet.http.HttpServlet {
    @Override
    protected void doGet(
        javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp) {
      Timer expiry = new Timer(true);
      expiry.cancel();
    }
  }

  /** A timer per request that only the timer task cancels: its thread outlives the request. */
  public static class ReminderServlet extends javax.servlet.http.HttpServlet {
    @Override
    protected void doPost(
        javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp) {
      // BUG: Diagnostic contains: creates a java.util.Timer, and with it a new thread, in servlet
      Timer reminder = new Timer(true);
      reminder.schedule(
          new java.util.TimerTask() {
            @Override
            public void run() {
              reminder.cancel();
            }
          },
          60_000L);
    }
  }

  /** Like a CGI servlet: each request runs a process and a thread that drains its stderr. */
  public static class ScriptServlet extends javax.servlet.http.HttpServlet {
    @Override
    protected void doGet(
        javax.servlet.http.HttpServletRequest req, javax.servlet.http.HttpServletResponse resp)
        throws IOException {
      new ScriptRunner(req.getPathInfo()).run();
    }

    final class ScriptRunner {
      private final String script;

      ScriptRunner(String script) {
        this.script = script;
      }

      void run() throws IOException {
        Process process = new ProcessBuilder(script).start();
        Thread stderrReader = null;
        try {
          stderrReader = new Thread(() -> drain(process));
          // BUG: Diagnostic contains: thread `stderrReader` starts a new platform thread in
          // `ScriptRunner.run`, reached from servlet method `ScriptServlet.doGet`
          stderrReader.start();
        } finally {
          process.destroy();
        }
      }

      private void drain(Process process) {}
    }
  }

  public static class AuditFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      // BUG: Diagnostic contains: `Executors.newWorkStealingPool()` creates a new thread pool
      Executors.newWorkStealingPool().execute(() -> request.getRemoteAddr().length());
      chain.doFilter(request, response);
    }
  }

  public static class StatusHandler implements HttpHandler {
    @Override
    public void handle(HttpExchange exchange) throws IOException {
      // BUG: Diagnostic contains: in HTTP handler `StatusHandler.handle`
      new Thread(exchange::close).start();
    }
  }

  public static class InventoryListener {
    @JmsListener(destination = "inventory")
    public void onMessage(String message) {
      ExecutorService workers =
          // BUG: Diagnostic contains: `workers` (`new ThreadPoolExecutor(...)`) creates a new
          // thread
          new ThreadPoolExecutor(2, 2, 0L, TimeUnit.SECONDS, new ArrayBlockingQueue<>(8));
      workers.execute(() -> message.length());
      workers.shutdown();
    }
  }

  // The bounded versions: one pool for all requests, created when the component starts.

  @Path("/previews")
  public static class PreviewResource {
    private final ForkJoinPool pool = new ForkJoinPool(4);

    @POST
    public int render(List<String> pages) throws Exception {
      return pool.submit(() -> pages.parallelStream().mapToInt(String::length).sum()).get();
    }
  }

  public static class HeartbeatServlet extends jakarta.servlet.http.HttpServlet {
    private Timer heartbeat;

    @Override
    public void init() {
      heartbeat = new Timer("heartbeat", true);
    }

    @Override
    protected void doGet(
        jakarta.servlet.http.HttpServletRequest req,
        jakarta.servlet.http.HttpServletResponse resp) {
      resp.setStatus(200);
    }

    @Override
    public void destroy() {
      heartbeat.cancel();
    }
  }

  public static class ForwardingHandler implements HttpHandler {
    private final ExecutorService forwarders =
        new ThreadPoolExecutor(
            2,
            2,
            0L,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(32),
            new ThreadPoolExecutor.CallerRunsPolicy());

    @Override
    public void handle(HttpExchange exchange) {
      forwarders.execute(exchange::close);
    }
  }
}
