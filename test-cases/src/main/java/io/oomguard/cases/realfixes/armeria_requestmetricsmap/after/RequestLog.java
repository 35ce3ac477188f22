package io.oomguard.cases.realfixes.armeria_requestmetricsmap.after;

/** What was recorded about the request part of one exchange. */
public interface RequestLog {
  String method();

  long startTimeNanos();

  long contentLength();

  Throwable cause();
}
