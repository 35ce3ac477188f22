package io.oomguard.cases.realfixes.crate_httpresultset.before;

/** The node's query memory breaker: trips when the estimated bytes pass the configured limit. */
public interface CircuitBreaker {
  void addEstimateBytesAndMaybeBreak(long bytes, String label);

  void addWithoutBreaking(long bytes);
}
