package io.oomguard.cases.realfixes.jersey_jettytimer.after;

import java.util.concurrent.TimeUnit;

/** Jersey's container SPI for writing a response; suspend() backs AsyncResponse timeouts. */
public interface ContainerResponseWriter {

  boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler timeoutHandler);

  void setSuspendTimeout(long timeOut, TimeUnit timeUnit);

  void writeStatus(int code);

  void commit();

  void failure(Throwable error);
}
