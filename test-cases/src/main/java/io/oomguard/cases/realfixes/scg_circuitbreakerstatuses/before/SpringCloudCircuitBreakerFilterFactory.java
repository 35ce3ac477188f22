/*
 * Spring Cloud Gateway, CircuitBreaker route filter.
 * Bug fix: commit ef32cb7e9 of https://github.com/spring-cloud/spring-cloud-gateway ("Filtering
 * the status codes just once").
 *
 * What grew: the filter a route's configuration produced parsed the configured statusCodes into
 * a new Set<HttpStatus> on every request that went through the route, although the route's Config
 * does not change after the route is built. (Reduced: the ReactiveCircuitBreaker.run wrapper and
 * the fallback forwarding are left out.)
 */
package io.oomguard.cases.realfixes.scg_circuitbreakerstatuses.before;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

public abstract class SpringCloudCircuitBreakerFilterFactory
    implements GatewayFilterFactory<SpringCloudCircuitBreakerFilterFactory.Config> {

  @Override
  public GatewayFilter apply(Config config) {
    return new GatewayFilter() {
      @Override
      public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain
            .filter(exchange)
            .doOnSuccess(
                v -> {
                  Set<HttpStatus> statuses =
                      // BUG: Diagnostic contains: PerRequestCollectionRebuild
                      config.getStatusCodes().stream()
                          .map(HttpStatusHolder::parse)
                          .filter(statusHolder -> statusHolder.getHttpStatus() != null)
                          .map(HttpStatusHolder::getHttpStatus)
                          .collect(Collectors.toSet());
                  HttpStatusCode status = exchange.getResponse().getStatusCode();
                  if (status != null && statuses.contains(HttpStatus.resolve(status.value()))) {
                    exchange.getResponse().setStatusCode(null);
                    throw new CircuitBreakerStatusCodeException(status);
                  }
                })
            .onErrorResume(t -> handleErrorWithoutFallback(t));
      }
    };
  }

  protected abstract Mono<Void> handleErrorWithoutFallback(Throwable t);

  @Override
  public String name() {
    return "CircuitBreaker";
  }

  /** The route's filter arguments, bound from the route definition. */
  public static class Config {
    private String name;
    private Set<String> statusCodes = new HashSet<>();

    public String getName() {
      return name;
    }

    public Config setName(String name) {
      this.name = name;
      return this;
    }

    public Set<String> getStatusCodes() {
      return statusCodes;
    }

    public Config setStatusCodes(Set<String> statusCodes) {
      this.statusCodes = statusCodes;
      return this;
    }
  }

  /** Signals a configured status so the circuit breaker counts it as a failure. */
  public static class CircuitBreakerStatusCodeException extends RuntimeException {
    public CircuitBreakerStatusCodeException(HttpStatusCode statusCode) {
      super("Circuit breaker status " + statusCode);
    }
  }
}
