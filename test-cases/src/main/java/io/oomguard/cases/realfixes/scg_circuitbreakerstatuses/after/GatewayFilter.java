package io.oomguard.cases.realfixes.scg_circuitbreakerstatuses.after;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A route filter: runs for every request routed through its route. */
public interface GatewayFilter {
  Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain);

  /** The rest of the route's filters. */
  interface GatewayFilterChain {
    Mono<Void> filter(ServerWebExchange exchange);
  }
}
