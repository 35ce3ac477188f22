package io.oomguard.cases.realfixes.shenyu_aiproxy.before;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Matches the request's selector, then hands the request to the concrete plugin. */
public abstract class AbstractShenyuPlugin implements ShenyuPlugin {
  private final SelectorMatcher selectorMatcher;

  protected AbstractShenyuPlugin(SelectorMatcher selectorMatcher) {
    this.selectorMatcher = selectorMatcher;
  }

  @Override
  public Mono<Void> execute(ServerWebExchange exchange, ShenyuPluginChain chain) {
    SelectorData selector = selectorMatcher.match(exchange);
    if (selector == null) {
      return chain.execute(exchange);
    }
    return doExecute(exchange, chain, selector);
  }

  protected abstract Mono<Void> doExecute(
      ServerWebExchange exchange, ShenyuPluginChain chain, SelectorData selector);

  /** Selector matching against the gateway's rule data (reduced). */
  public interface SelectorMatcher {
    SelectorData match(ServerWebExchange exchange);
  }
}
