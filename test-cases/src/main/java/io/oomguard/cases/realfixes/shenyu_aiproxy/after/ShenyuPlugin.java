package io.oomguard.cases.realfixes.shenyu_aiproxy.after;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The gateway's plugin contract: every proxied request walks the plugin chain. */
public interface ShenyuPlugin {
  Mono<Void> execute(ServerWebExchange exchange, ShenyuPluginChain chain);

  /** The rest of the chain. */
  interface ShenyuPluginChain {
    Mono<Void> execute(ServerWebExchange exchange);
  }

  /** The selector a request matched (reduced). */
  record SelectorData(String id, String name) {}
}
