/*
 * Apache ShenYu, AI proxy plugin.
 * Bug fix: https://github.com/apache/shenyu/pull/6897 (commit 26a700a8a3, "fix: enforce request
 * body size limit during buffering in AiProxyPlugin").
 *
 * What grew: every proxied chat request was aggregated whole with
 * `DataBufferUtils.join(exchange.getRequest().getBody())`; the 5 MB limit was only checked after
 * the join, so a multi-GB body was buffered on the heap before being rejected.
 *
 * Fix: `DataBufferUtils.join(body, MAX_REQUEST_BODY_SIZE_BYTES)` enforces the limit while
 * buffering; the resulting DataBufferLimitException is answered with 413.
 */
package io.oomguard.cases.realfixes.shenyu_aiproxy.after;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

public class AiProxyPlugin extends AbstractShenyuPlugin {
  /** Maximum request body size: 5MB. */
  private static final int MAX_REQUEST_BODY_SIZE_BYTES = 5 * 1024 * 1024;

  private final AiProxyConfigService aiProxyConfigService;

  public AiProxyPlugin(SelectorMatcher selectorMatcher, AiProxyConfigService aiProxyConfigService) {
    super(selectorMatcher);
    this.aiProxyConfigService = aiProxyConfigService;
  }

  @Override
  protected Mono<Void> doExecute(
      ServerWebExchange exchange, ShenyuPluginChain chain, SelectorData selector) {
    return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_REQUEST_BODY_SIZE_BYTES)
        .flatMap(
            dataBuffer -> {
              final String requestBody = dataBuffer.toString(StandardCharsets.UTF_8);
              DataBufferUtils.release(dataBuffer);
              return handleNonStreamRequest(exchange, selector, requestBody);
            })
        .onErrorResume(
            DataBufferLimitException.class,
            e -> {
              exchange.getResponse().setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
              return exchange.getResponse().setComplete();
            });
  }

  private Mono<Void> handleNonStreamRequest(
      ServerWebExchange exchange, SelectorData selector, String requestBody) {
    String prompt = aiProxyConfigService.extractPrompt(requestBody);
    return aiProxyConfigService
        .chat(selector.id(), prompt)
        .flatMap(
            answer -> {
              byte[] json = answer.getBytes(StandardCharsets.UTF_8);
              return exchange
                  .getResponse()
                  .writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(json)));
            });
  }
}
