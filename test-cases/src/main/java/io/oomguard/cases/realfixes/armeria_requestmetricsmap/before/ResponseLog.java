package io.oomguard.cases.realfixes.armeria_requestmetricsmap.before;

/** What was recorded about the response part of one exchange. */
public interface ResponseLog {
  RequestLog request();

  int statusCode();

  long endTimeNanos();

  long contentLength();

  Throwable cause();
}
