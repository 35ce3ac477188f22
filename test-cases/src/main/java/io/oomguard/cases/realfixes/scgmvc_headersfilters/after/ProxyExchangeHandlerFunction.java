/*
 * Spring Cloud Gateway (server-mvc), proxy handler.
 * Bug fix: https://github.com/spring-cloud/spring-cloud-gateway/pull/3274 (commit 25575ecc2,
 * "Optimize for lazy loading of beans only once": "Otherwise Spring has to calculate the ordered
 * list on every request which is slow").
 *
 * What grew: for every proxied request (and again for its response) the handler asked the
 * ObjectProvider for the ordered stream of header-filter beans and collected it into a new list,
 * although the set of filter beans is fixed once the context is refreshed.
 *
 * Fix: the handler listens for ContextRefreshedEvent and resolves both ordered lists once into
 * fields; handle() iterates those lists.
 */
package io.oomguard.cases.realfixes.scgmvc_headersfilters.after;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

public class ProxyExchangeHandlerFunction
    implements HandlerFunction<ServerResponse>, ApplicationListener<ContextRefreshedEvent> {
  private final ProxyExchange proxyExchange;
  private final ObjectProvider<HttpHeadersFilter.RequestHttpHeadersFilter>
      requestHttpHeadersFiltersProvider;
  private final ObjectProvider<HttpHeadersFilter.ResponseHttpHeadersFilter>
      responseHttpHeadersFiltersProvider;
  private List<HttpHeadersFilter.RequestHttpHeadersFilter> requestHttpHeadersFilters;
  private List<HttpHeadersFilter.ResponseHttpHeadersFilter> responseHttpHeadersFilters;
  private final URIResolver uriResolver;

  public ProxyExchangeHandlerFunction(
      ProxyExchange proxyExchange,
      ObjectProvider<HttpHeadersFilter.RequestHttpHeadersFilter> requestHttpHeadersFilters,
      ObjectProvider<HttpHeadersFilter.ResponseHttpHeadersFilter> responseHttpHeadersFilters,
      URIResolver uriResolver) {
    this.proxyExchange = proxyExchange;
    this.requestHttpHeadersFiltersProvider = requestHttpHeadersFilters;
    this.responseHttpHeadersFiltersProvider = responseHttpHeadersFilters;
    this.uriResolver = uriResolver;
  }

  @Override
  public void onApplicationEvent(ContextRefreshedEvent event) {
    init();
  }

  private void init() {
    this.requestHttpHeadersFilters =
        this.requestHttpHeadersFiltersProvider.orderedStream().toList();
    this.responseHttpHeadersFilters =
        this.responseHttpHeadersFiltersProvider.orderedStream().toList();
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
            this.requestHttpHeadersFilters, serverRequest.headers().asHttpHeaders(), serverRequest);
    filteredRequestHeaders.remove(HttpHeaders.HOST);

    ProxyExchange.Request proxyRequest =
        new ProxyExchange.Request(
            serverRequest,
            url,
            filteredRequestHeaders,
            (response, serverResponse) -> {
              HttpHeaders httpHeaders =
                  filterHeaders(
                      this.responseHttpHeadersFilters, response.getHeaders(), serverResponse);
              serverResponse.headers().putAll(httpHeaders);
            });
    return proxyExchange.exchange(proxyRequest);
  }

  private <TYPE> HttpHeaders filterHeaders(List<?> filters, HttpHeaders original, TYPE type) {
    HttpHeaders filtered = original;
    for (var filter : filters) {
      @SuppressWarnings("unchecked")
      var typed = ((HttpHeadersFilter<TYPE>) filter);
      filtered = typed.apply(filtered, type);
    }
    return filtered;
  }

  /** Where the route sends the request. */
  public interface URIResolver extends Function<ServerRequest, URI> {}
}
