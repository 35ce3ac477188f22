/*
 * Halo, plugin router functions.
 * Bug fix: https://github.com/halo-dev/halo/pull/4890 (commit 57a1f2ec1, "Fix the issue with
 * repeatedly building plugin RouterFunction for CustomEndpoints"; OOM under `ab` load on a custom
 * endpoint of a plugin).
 *
 * What grew: the composite RouterFunction rebuilt, on every routed request, the grouped router of
 * all plugins' CustomEndpoint beans: a new CustomEndpointsBuilder map filled from the plugin
 * contexts, then a nested RouterFunction per group and version, although the endpoints only
 * change when a plugin starts or stops.
 */
package io.oomguard.cases.realfixes.halo_customendpoints.before;

import static io.oomguard.cases.realfixes.halo_customendpoints.before.ExtensionContextRegistry.getInstance;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
public class PluginCompositeRouterFunction implements RouterFunction<ServerResponse> {
  private final ReverseProxyRouterFunctionRegistry reverseProxyRouterFunctionFactory;

  public PluginCompositeRouterFunction(
      ReverseProxyRouterFunctionRegistry reverseProxyRouterFunctionFactory) {
    this.reverseProxyRouterFunctionFactory = reverseProxyRouterFunctionFactory;
  }

  @Override
  public Mono<HandlerFunction<ServerResponse>> route(ServerRequest request) {
    return Flux.fromIterable(routerFunctions())
        .concatMap(routerFunction -> routerFunction.route(request))
        .next();
  }

  @Override
  public void accept(RouterFunctions.Visitor visitor) {
    routerFunctions().forEach(routerFunction -> routerFunction.accept(visitor));
  }

  @SuppressWarnings("unchecked")
  private List<RouterFunction<ServerResponse>> routerFunctions() {
    getInstance().acquireReadLock();
    try {
      List<GenericApplicationContext> contexts =
          getInstance().getPluginApplicationContexts().stream()
              .filter(AbstractApplicationContext::isActive)
              .toList();
      var rawRouterFunctions =
          contexts.stream()
              .flatMap(
                  applicationContext ->
                      applicationContext.getBeanProvider(RouterFunction.class).orderedStream())
              .map(router -> (RouterFunction<ServerResponse>) router)
              .toList();
      var reverseProxies = reverseProxyRouterFunctionFactory.getRouterFunctions();

      var endpointBuilder = new CustomEndpointsBuilder();
      contexts.forEach(
          context ->
              context
                  .getBeanProvider(CustomEndpoint.class)
                  .orderedStream()
                  .forEach(endpointBuilder::add));
      var customEndpoint = endpointBuilder.build();

      List<RouterFunction<ServerResponse>> routerFunctions =
          new ArrayList<>(rawRouterFunctions.size() + reverseProxies.size() + 1);
      routerFunctions.addAll(rawRouterFunctions);
      routerFunctions.addAll(reverseProxies);
      routerFunctions.add(customEndpoint);
      return routerFunctions;
    } finally {
      getInstance().releaseReadLock();
    }
  }
}
