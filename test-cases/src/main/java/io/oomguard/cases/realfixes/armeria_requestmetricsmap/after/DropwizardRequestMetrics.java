package io.oomguard.cases.realfixes.armeria_requestmetricsmap.after;

import java.util.concurrent.atomic.LongAdder;

/** The metrics of one endpoint: requests, successes, failures, active requests, bytes. */
final class DropwizardRequestMetrics {
  private final String name;
  private final LongAdder requests = new LongAdder();
  private final LongAdder totalNanos = new LongAdder();
  private final LongAdder successes = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder activeRequests = new LongAdder();
  private final LongAdder requestBytes = new LongAdder();
  private final LongAdder responseBytes = new LongAdder();

  DropwizardRequestMetrics(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  void updateTime(long durationNanos) {
    requests.increment();
    totalNanos.add(durationNanos);
  }

  void markStart() {
    activeRequests.increment();
  }

  void markComplete() {
    activeRequests.decrement();
  }

  void markSuccess() {
    successes.increment();
  }

  void markFailure() {
    failures.increment();
  }

  void requestBytes(long bytes) {
    requestBytes.add(bytes);
  }

  void responseBytes(long bytes) {
    responseBytes.add(bytes);
  }
}
