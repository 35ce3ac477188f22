package io.oomguard.cases.realfixes.scgmvc_headersfilters.before;

import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the proxy handler once; routes share it. */
@Configuration
public class GatewayServerMvcAutoConfiguration {
  @Bean
  public ProxyExchangeHandlerFunction proxyExchangeHandlerFunction(
      ProxyExchange proxyExchange,
      ObjectProvider<HttpHeadersFilter.RequestHttpHeadersFilter> requestHttpHeadersFilters,
      ObjectProvider<HttpHeadersFilter.ResponseHttpHeadersFilter> responseHttpHeadersFilters) {
    return new ProxyExchangeHandlerFunction(
        proxyExchange,
        requestHttpHeadersFilters,
        responseHttpHeadersFilters,
        request ->
            (URI)
                request
                    .attribute("GatewayServerMvc.requestUrl")
                    .orElseThrow(() -> new IllegalStateException("No routeUri resolved")));
  }
}
