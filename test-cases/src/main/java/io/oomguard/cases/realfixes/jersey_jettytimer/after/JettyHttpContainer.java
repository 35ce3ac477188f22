/*
 * eclipse-ee4j/jersey -- https://github.com/eclipse-ee4j/jersey/issues/5588, fixed by
 * https://github.com/eclipse-ee4j/jersey/pull/5589 (commit 2f201057e18f16e3cb77ef657952ad3bb91b2ccf,
 * "Fix thread leak/invasion").
 * The Jetty 12 container creates a ResponseWriter for every HTTP request, and the writer's field
 * initializer created a java.util.Timer, whose constructor starts a thread. Those timer threads
 * only end after GC, so a high request rate started thousands of threads.
 * Fix: one ScheduledThreadPoolExecutor per container (at most max(2, CPUs/4) daemon threads that
 * time out when idle), passed to each writer and shut down in doStop(); timeouts are scheduled on
 * it, measured with System.nanoTime().
 * (Jersey's own SPI types -- ApplicationHandler, ContainerRequest, ContainerResponseWriter -- are
 * reduced to what the container uses.)
 */
package io.oomguard.cases.realfixes.jersey_jettytimer.after;

import java.net.URI;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Jersey container implementation based on a Jetty {@link Handler}. */
public final class JettyHttpContainer extends Handler.Abstract {

  private static final int INTERNAL_SERVER_ERROR = 500;

  private volatile ApplicationHandler appHandler;
  private boolean configSetStatusOverSendError;
  private final ScheduledThreadPoolExecutor timeoutScheduler;

  JettyHttpContainer(ApplicationHandler appHandler) {
    this.timeoutScheduler = createTimeoutScheduler();
    this.appHandler = appHandler;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    final ResponseWriter responseWriter =
        new ResponseWriter(
            timeoutScheduler, request, response, callback, configSetStatusOverSendError);
    try {
      URI requestUri = request.getHttpURI().toURI();
      ContainerRequest requestContext =
          new ContainerRequest(requestUri, request.getMethod(), Request.asInputStream(request));
      requestContext.setWriter(responseWriter);
      appHandler.handle(requestContext);
      return true;
    } catch (final Exception ex) {
      callback.failed(ex);
      throw new RuntimeException(ex);
    }
  }

  private static final class ResponseWriter implements ContainerResponseWriter {

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final boolean configSetStatusOverSendError;
    private final long asyncStartTimeNanos;
    private final ScheduledExecutorService timeoutScheduler;
    private final ConcurrentLinkedQueue<TimeoutHandler> timeoutHandlerQueue =
        new ConcurrentLinkedQueue<>();
    private ScheduledFuture<?> currentTimerTask;

    ResponseWriter(
        ScheduledExecutorService timeoutScheduler,
        Request request,
        Response response,
        Callback callback,
        boolean configSetStatusOverSendError) {
      this.timeoutScheduler = timeoutScheduler;
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.asyncStartTimeNanos = System.nanoTime();
      this.configSetStatusOverSendError = configSetStatusOverSendError;
    }

    private synchronized void setNewTimeout(long timeOut, TimeUnit timeUnit) {
      long timeOutNanos = timeUnit.toNanos(timeOut);
      if (currentTimerTask != null) {
        currentTimerTask.cancel(false);
      }
      long delayNanos = Math.max(asyncStartTimeNanos - System.nanoTime() + timeOutNanos, 0L);
      currentTimerTask =
          timeoutScheduler.schedule(this::callTimeoutHandlers, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void callTimeoutHandlers() {
      while (true) {
        TimeoutHandler handler = timeoutHandlerQueue.poll();
        if (handler == null) {
          break;
        }
        handler.onTimeout(ResponseWriter.this);
      }
    }

    @Override
    public boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler timeoutHandler) {
      if (timeOut > 0) {
        setNewTimeout(timeOut, timeUnit);
      }
      if (timeoutHandler != null) {
        timeoutHandlerQueue.add(timeoutHandler);
      }
      return true;
    }

    @Override
    public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) {
      if (timeOut > 0) {
        setNewTimeout(timeOut, timeUnit);
      }
    }

    @Override
    public void writeStatus(int code) {
      response.setStatus(code);
    }

    @Override
    public void commit() {
      callback.succeeded();
    }

    @Override
    public void failure(Throwable error) {
      if (!response.isCommitted()) {
        if (configSetStatusOverSendError) {
          response.reset();
          response.setStatus(INTERNAL_SERVER_ERROR);
          callback.failed(error);
        } else {
          Response.writeError(
              request, response, callback, INTERNAL_SERVER_ERROR, "Request failed.", error);
        }
      }
    }
  }

  @Override
  protected void doStop() throws Exception {
    super.doStop();
    appHandler.onShutdown();

    timeoutScheduler.shutdown();
    boolean needInterrupt = false;
    while (true) {
      try {
        if (timeoutScheduler.awaitTermination(1L, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        if (!needInterrupt) {
          needInterrupt = true;
          timeoutScheduler.shutdownNow();
        }
      }
    }
    if (needInterrupt) {
      Thread.currentThread().interrupt();
    }
  }

  private static final AtomicInteger TIMEOUT_HANDLER_ID_GEN = new AtomicInteger();

  private static ScheduledThreadPoolExecutor createTimeoutScheduler() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t =
                  new Thread(
                      r,
                      "JettyHttpContainer-Timeout-Handler #"
                          + TIMEOUT_HANDLER_ID_GEN.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.setMaximumPoolSize(Math.max(2, Runtime.getRuntime().availableProcessors() / 4));
    executor.allowCoreThreadTimeOut(true);
    executor.setKeepAliveTime(100, TimeUnit.MILLISECONDS);
    return executor;
  }
}
