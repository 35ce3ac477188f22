package servers;

import org.springframework.web.server.*;
import reactor.core.publisher.Mono;

/** A gateway's own filter contract: known as per request by the exchange it takes. */
public class RetryFilter {
  private final Backoff backoff = new Backoff();

  public Mono<Void> filter(ServerWebExchange exchange, Runnable next) {
    return backoff.delay(exchange.getAttributes().size());
  }
}
