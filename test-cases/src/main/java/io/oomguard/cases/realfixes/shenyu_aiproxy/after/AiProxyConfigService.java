package io.oomguard.cases.realfixes.shenyu_aiproxy.after;

import reactor.core.publisher.Mono;

/** Resolves the upstream model configuration and calls it (reduced from the Spring AI client). */
public interface AiProxyConfigService {
  String extractPrompt(String requestBody);

  Mono<String> chat(String selectorId, String prompt);
}
