package io.oomguard.cases.rebuilds;

import static java.util.stream.Collectors.toSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Configuration rebuilt per request: the ordered list of filter beans, a route's configured
 * statuses parsed by a filter built once from them, a configuration map re-indexed by a private
 * helper every caller feeds the same data.
 */
public class ConfigurationRebuilds {
  /** A bean that rewrites the headers of a proxied request. */
  public interface HeaderFilter extends Function<HttpHeaders, HttpHeaders> {}

  /** The proxy handler: the filter beans are fixed once the context is up. */
  public static class ProxyHandler implements WebFilter {
    private final ObjectProvider<HeaderFilter> filters;

    public ProxyHandler(ObjectProvider<HeaderFilter> filters) {
      this.filters = filters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
      HttpHeaders headers = apply(filters.orderedStream(), exchange.getRequest().getHeaders());
      return headers.isEmpty() ? Mono.empty() : chain.filter(exchange);
    }

    private static HttpHeaders apply(Stream<HeaderFilter> beans, HttpHeaders original) {
      HttpHeaders result = original;
      // BUG: Diagnostic contains: collected from `beans` in `ProxyHandler.apply`, reached from
      for (HeaderFilter filter : beans.toList()) {
        result = filter.apply(result);
      }
      return result;
    }
  }

  /** The fix: the beans are listed once, when the context is refreshed. */
  public static class ListedOnceProxyHandler
      implements WebFilter, ApplicationListener<ContextRefreshedEvent> {
    private final ObjectProvider<HeaderFilter> provider;
    private List<HeaderFilter> filters = List.of();

    public ListedOnceProxyHandler(ObjectProvider<HeaderFilter> provider) {
      this.provider = provider;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
      this.filters = provider.orderedStream().toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
      HttpHeaders result = exchange.getRequest().getHeaders();
      for (HeaderFilter filter : filters) {
        result = filter.apply(result);
      }
      return result.isEmpty() ? Mono.empty() : chain.filter(exchange);
    }
  }

  /** A route's filter arguments, bound from the route definition once. */
  public record RouteDefinition(String name, List<String> statusCodes) {}

  /** Builds a route's filter once, when routes are loaded; the filter runs per request. */
  public static class StatusFilterFactory {
    public WebFilter apply(RouteDefinition route) {
      return (exchange, chain) ->
          chain
              .filter(exchange)
              .doOnSuccess(
                  done -> {
                    Set<Integer> statuses =
                        // BUG: Diagnostic contains: collected from `route.statusCodes()` in web
                        // filter
                        route.statusCodes().stream().map(Integer::valueOf).collect(toSet());
                    if (statuses.contains(exchange.getResponse().getStatusCode().value())) {
                      exchange.getResponse().setRawStatusCode(502);
                    }
                  });
    }

    /** The fix: the statuses are parsed once, when the filter is built. */
    public WebFilter applyParsedOnce(RouteDefinition route) {
      Set<Integer> statuses = route.statusCodes().stream().map(Integer::valueOf).collect(toSet());
      return (exchange, chain) ->
          chain
              .filter(exchange)
              .doOnSuccess(
                  done -> {
                    if (statuses.contains(exchange.getResponse().getStatusCode().value())) {
                      exchange.getResponse().setRawStatusCode(502);
                    }
                  });
    }

    // Quiet: the set is built from the request's own headers.
    public WebFilter requested() {
      return (exchange, chain) -> {
        Set<String> asked =
            exchange.getRequest().getHeaders().getOrEmpty("X-Status").stream().collect(toSet());
        return asked.isEmpty() ? chain.filter(exchange) : Mono.empty();
      };
    }
  }

  /** The hosts of each region, fixed at start-up. */
  public static class RegionTable {
    private final Map<String, String> hostsByRegion;

    public RegionTable(Map<String, String> hostsByRegion) {
      this.hostsByRegion = Map.copyOf(hostsByRegion);
    }

    public Map<String, String> getHostsByRegion() {
      return hostsByRegion;
    }
  }

  /** A router that re-indexes the settings through a private helper on every request. */
  public static class RegionRouter implements WebFilter {
    private final RegionTable regions;

    public RegionRouter(RegionTable regions) {
      this.regions = regions;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
      String host = byHost(regions.getHostsByRegion()).get(exchange.getRequest().getPath().value());
      return host == null ? Mono.empty() : chain.filter(exchange);
    }

    private Map<String, String> byHost(Map<String, String> hostsByRegion) {
      // BUG: Diagnostic contains: filled in a loop over `hostsByRegion.entrySet()`
      Map<String, String> inverted = new HashMap<>();
      for (Map.Entry<String, String> entry : hostsByRegion.entrySet()) {
        inverted.put(entry.getValue(), entry.getKey());
      }
      return inverted;
    }
  }

  /** The same helper, also called with the request's own map: its input is request data. */
  public static class MixedRouter implements WebFilter {
    private final RegionTable regions;

    public MixedRouter(RegionTable regions) {
      this.regions = regions;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
      Map<String, String> fromRequest = exchange.getRequest().getQueryParams().toSingleValueMap();
      String host = byHost(regions.getHostsByRegion()).get(exchange.getRequest().getId());
      String asked = byHost(fromRequest).get(exchange.getRequest().getId());
      return host == null || asked == null ? Mono.empty() : chain.filter(exchange);
    }

    // Quiet: one caller passes data from the request.
    private Map<String, String> byHost(Map<String, String> hostsByRegion) {
      Map<String, String> inverted = new HashMap<>(hostsByRegion.size() * 2);
      for (Map.Entry<String, String> entry : hostsByRegion.entrySet()) {
        inverted.put(entry.getValue(), entry.getKey());
      }
      return inverted;
    }
  }

  /** Quiet: hosts that run-time code reloads are not the same on every call. */
  public static class ReloadableRouter implements WebFilter {
    private final List<String> hosts = new ArrayList<>();

    public void reload(List<String> fresh) {
      hosts.clear();
      hosts.addAll(fresh);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
      List<String> snapshot = new ArrayList<>(hosts);
      return snapshot.contains(exchange.getRequest().getURI().getHost())
          ? chain.filter(exchange)
          : Mono.empty();
    }
  }

  /** Quiet: the host set is built once, by a lazy initializer, into the pool it configures. */
  public static class PooledRouter implements WebFilter {
    private final RegionTable regions;
    private volatile List<Set<String>> pool;

    public PooledRouter(RegionTable regions) {
      this.regions = regions;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
      if (pool == null) {
        synchronized (this) {
          if (pool == null) {
            Set<String> hosts = new java.util.HashSet<>();
            for (String host : regions.getHostsByRegion().values()) {
              hosts.add(host);
            }
            pool = List.of(hosts);
          }
        }
      }
      return pool.get(0).isEmpty() ? Mono.empty() : chain.filter(exchange);
    }
  }
}
