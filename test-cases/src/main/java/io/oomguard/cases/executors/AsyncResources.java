package io.oomguard.cases.executors;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Request handlers that hand their work to a shared executor: the executor's bound is the limit.
 */
public class AsyncResources {

  /** JAX-RS: every suspended request becomes a queued task. */
  @Path("/conversions")
  public static class ConversionResource {
    // BUG: Diagnostic contains: UnboundedExecutor
    private static final ExecutorService CONVERTERS = Executors.newFixedThreadPool(16);

    @POST
    public void convert(String document, @Suspended AsyncResponse response) {
      CONVERTERS.execute(() -> response.resume(document.toUpperCase()));
    }
  }

  /** The bounded version: a full queue runs the task on the request thread. */
  @Path("/previews")
  public static class PreviewResource {
    private static final ExecutorService RENDERERS =
        new ThreadPoolExecutor(
            8,
            8,
            0L,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(200),
            new ThreadPoolExecutor.CallerRunsPolicy());

    @POST
    public void preview(String document, @Suspended AsyncResponse response) {
      RENDERERS.execute(() -> response.resume(document.strip()));
    }
  }

  /** Servlet 3 async: the pool is created in init() and shut down in destroy(). */
  public static class ThumbnailServlet extends HttpServlet {
    private ExecutorService workers;

    @Override
    public void init() {
      // BUG: Diagnostic contains: Executors.newCachedThreadPool() starts a new thread
      workers = Executors.newCachedThreadPool();
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
      AsyncContext async = req.startAsync();
      workers.execute(async::complete);
    }

    @Override
    public void destroy() {
      workers.shutdown();
    }
  }

  /** The bounded version of the same servlet. */
  public static class BoundedThumbnailServlet extends HttpServlet {
    private ExecutorService workers;

    @Override
    public void init() {
      workers =
          new ThreadPoolExecutor(
              4,
              16,
              30L,
              TimeUnit.SECONDS,
              new ArrayBlockingQueue<>(64),
              new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
      AsyncContext async = req.startAsync();
      workers.execute(async::complete);
    }

    @Override
    public void destroy() {
      workers.shutdown();
    }
  }
}
