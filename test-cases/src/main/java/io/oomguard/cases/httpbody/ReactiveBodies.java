package io.oomguard.cases.httpbody;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Spring WebFlux: a request body aggregated in a filter, and the limited forms of it. */
public class ReactiveBodies {
  private static final int MAX_BODY = 5 * 1024 * 1024;

  /** Reads the whole request body to audit it, then checks its size: too late. */
  public static class AuditFilter implements WebFilter {
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
      // BUG: Diagnostic contains: `DataBufferUtils.join(...)` reads the whole body of
      // `ServerHttpRequest.getBody()`
      return DataBufferUtils.join(exchange.getRequest().getBody())
          .flatMap(
              buffer -> {
                if (buffer.readableByteCount() > MAX_BODY) {
                  exchange.getResponse().setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
                  return exchange.getResponse().setComplete();
                }
                audit(buffer.toString(StandardCharsets.UTF_8));
                DataBufferUtils.release(buffer);
                return chain.filter(exchange);
              });
    }

    void audit(String body) {}
  }

  /** The body passed on through a local, with "no limit" spelled out. */
  public static Mono<DataBuffer> unlimited(ServerWebExchange exchange) {
    Flux<DataBuffer> body = exchange.getRequest().getBody();
    // BUG: Diagnostic contains: UnboundedHttpBodyRead
    return DataBufferUtils.join(body, -1);
  }

  // ---- Bounded: no finding. ----

  /** The fix: the limit is enforced while buffering (DataBufferLimitException past it). */
  public static Mono<DataBuffer> limited(ServerWebExchange exchange) {
    return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY);
  }

  /** A bundled resource joined: local content. */
  public static Mono<DataBuffer> template(Resource resource) {
    return DataBufferUtils.join(
        DataBufferUtils.read(resource, DefaultDataBufferFactory.sharedInstance, 4096));
  }

  /** WebClient's codecs buffer at most maxInMemorySize (256 KB by default). */
  public static Mono<String> fetch(WebClient client, String uri) {
    return client.get().uri(uri).retrieve().bodyToMono(String.class);
  }
}
