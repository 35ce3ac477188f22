package io.oomguard.cases.realfixes.armeria_requestmetricsmap.before;

/** The log of one exchange, created for each request (identity equality). */
final class DefaultRequestLog implements RequestLog, ResponseLog {
  private final String method;
  private final long startTimeNanos;
  private long endTimeNanos;
  private long requestLength;
  private long responseLength;
  private int statusCode;
  private Throwable cause;

  DefaultRequestLog(String method, long startTimeNanos) {
    this.method = method;
    this.startTimeNanos = startTimeNanos;
  }

  void requestContent(long length) {
    this.requestLength = length;
  }

  void end(int statusCode, long responseLength, Throwable cause) {
    this.statusCode = statusCode;
    this.responseLength = responseLength;
    this.cause = cause;
    this.endTimeNanos = System.nanoTime();
  }

  @Override
  public RequestLog request() {
    return this;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public long startTimeNanos() {
    return startTimeNanos;
  }

  @Override
  public int statusCode() {
    return statusCode;
  }

  @Override
  public long endTimeNanos() {
    return endTimeNanos;
  }

  @Override
  public long contentLength() {
    return endTimeNanos == 0 ? requestLength : responseLength;
  }

  @Override
  public Throwable cause() {
    return cause;
  }
}
