/*
 * Spring Cloud Gateway (server-mvc), proxy handler.
 * Bug fix: https://github.com/spring-cloud/spring-cloud-gateway/pull/3274 (commit 25575ecc2,
 * "Optimize for lazy loading of beans only once": "Otherwise Spring has to calculate the ordered
 * list on every request which is slow").
 *
 * What grew: for every proxied request (and again for its response) the handler asked the
 * ObjectProvider for the ordered stream of header-filter beans and collected it into a new list,
 * although the set of filter beans is fixed once the context is refreshed.
 */
package io.oomguard.cases.realfixes.scgmvc_headersfilters.before;

import java.net.URI;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

public class ProxyExchangeHandlerFunction implements HandlerFunction<ServerResponse> {
  private final ProxyExchange proxyExchange;
  private final ObjectProvider<HttpHeadersFilter.RequestHttpHeadersFilter>
      requestHttpHeadersFilters;
  private final ObjectProvider<HttpHeadersFilter.ResponseHttpHeadersFilter>
      responseHttpHeadersFilters;
  private final URIResolver uriResolver;

  public ProxyExchangeHandlerFunction(
      ProxyExchange proxyExchange,
      ObjectProvider<HttpHeadersFilter.RequestHttpHeadersFilter> requestHttpHeadersFilters,
      ObjectProvider<HttpHeadersFilter.ResponseHttpHeadersFilter> responseHttpHeadersFilters,
      URIResolver uriResolver) {
    this.proxyExchange = proxyExchange;
    this.requestHttpHeadersFilters = requestHttpHeadersFilters;
    this.responseHttpHeadersFilters = responseHttpHeadersFilters;
    this.uriResolver = uriResolver;
  }

  @Override
  public ServerResponse handle(ServerRequest serverRequest) {
    URI uri = uriResolver.apply(serverRequest);
    URI url =
        UriComponentsBuilder.fromUri(serverRequest.uri())
            .scheme(uri.getScheme())
            .host(uri.getHost())
            .port(uri.getPort())
            .replaceQueryParams(serverRequest.params())
            .build(false)
            .toUri();

    HttpHeaders filteredRequestHeaders =
        filterHeaders(
            this.requestHttpHeadersFilters.orderedStream().map(Function.identity()),
            serverRequest.headers().asHttpHeaders(),
            serverRequest);
    filteredRequestHeaders.remove(HttpHeaders.HOST);

    ProxyExchange.Request proxyRequest =
        new ProxyExchange.Request(
            serverRequest,
            url,
            filteredRequestHeaders,
            (response, serverResponse) -> {
              HttpHeaders httpHeaders =
                  filterHeaders(
                      this.responseHttpHeadersFilters.orderedStream().map(Function.identity()),
                      response.getHeaders(),
                      serverResponse);
              serverResponse.headers().putAll(httpHeaders);
            });
    return proxyExchange.exchange(proxyRequest);
  }

  private <TYPE> HttpHeaders filterHeaders(
      Stream<HttpHeadersFilter<TYPE>> filters, HttpHeaders original, TYPE type) {
    HttpHeaders filtered = original;
    // BUG: Diagnostic contains: PerRequestCollectionRebuild
    for (var filter : filters.toList()) {
      filtered = filter.apply(filtered, type);
    }
    return filtered;
  }

  /** Where the route sends the request. */
  public interface URIResolver extends Function<ServerRequest, URI> {}
}
