package servers;

import reactor.core.publisher.Mono;

/** Used by {@link RetryFilter}. */
public class Backoff {
  public Mono<Void> delay(int attempt) {
    return Mono.empty();
  }

  Mono<Void> schedule() {
    return Mono.empty();
  }
}
