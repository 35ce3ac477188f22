/*
 * eclipse-ee4j/jersey -- https://github.com/eclipse-ee4j/jersey/issues/5588, fixed by
 * https://github.com/eclipse-ee4j/jersey/pull/5589 (commit 2f201057e18f16e3cb77ef657952ad3bb91b2ccf,
 * "Fix thread leak/invasion").
 * The Jetty 12 container creates a ResponseWriter for every HTTP request, and the writer's field
 * initializer created a java.util.Timer, whose constructor starts a thread. Those timer threads
 * only end after GC, so a high request rate started thousands of threads.
 * (Jersey's own SPI types -- ApplicationHandler, ContainerRequest, ContainerResponseWriter -- are
 * reduced to what the container uses.)
 */
package io.oomguard.cases.realfixes.jersey_jettytimer.before;

import java.net.URI;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Jersey container implementation based on a Jetty {@link Handler}. */
public final class JettyHttpContainer extends Handler.Abstract {

  private static final int INTERNAL_SERVER_ERROR = 500;

  private volatile ApplicationHandler appHandler;
  private boolean configSetStatusOverSendError;

  JettyHttpContainer(ApplicationHandler appHandler) {
    this.appHandler = appHandler;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    final ResponseWriter responseWriter =
        new ResponseWriter(request, response, callback, configSetStatusOverSendError);
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
    // BUG: Diagnostic contains: ThreadCreationInHotPath
    private final Timer timer = new Timer();
    private final long asyncStartTimeMillis;
    private final ConcurrentLinkedQueue<TimeoutHandler> timeoutHandlerQueue =
        new ConcurrentLinkedQueue<>();
    private TimerTask currentTimerTask;

    ResponseWriter(
        Request request,
        Response response,
        Callback callback,
        boolean configSetStatusOverSendError) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.asyncStartTimeMillis = System.currentTimeMillis();
      this.configSetStatusOverSendError = configSetStatusOverSendError;
    }

    private synchronized void setNewTimeout(long timeOut, TimeUnit timeUnit) {
      long timeOutMillis = timeUnit.toMillis(timeOut);
      if (currentTimerTask != null) {
        currentTimerTask.cancel();
      }
      currentTimerTask =
          new TimerTask() {
            @Override
            public void run() {
              timeoutHandlerQueue.forEach(handler -> handler.onTimeout(ResponseWriter.this));
            }
          };
      timer.schedule(
          currentTimerTask,
          Math.max(0, timeOutMillis + asyncStartTimeMillis - System.currentTimeMillis()));
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
  }
}
