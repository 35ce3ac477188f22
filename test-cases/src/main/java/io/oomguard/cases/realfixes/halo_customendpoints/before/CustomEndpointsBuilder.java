package io.oomguard.cases.realfixes.halo_customendpoints.before;

import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Groups custom endpoints by group/version and nests each group under its path. */
public class CustomEndpointsBuilder {
  private final Map<CustomEndpoint.GroupVersion, List<RouterFunction<ServerResponse>>>
      routerFunctionsMap;

  public CustomEndpointsBuilder() {
    // BUG: Diagnostic contains: PerRequestCollectionRebuild
    routerFunctionsMap = new HashMap<>();
  }

  public CustomEndpointsBuilder add(CustomEndpoint customEndpoint) {
    routerFunctionsMap
        .computeIfAbsent(customEndpoint.groupVersion(), gv -> new LinkedList<>())
        .add(customEndpoint.endpoint());
    return this;
  }

  public RouterFunction<ServerResponse> build() {
    if (routerFunctionsMap.isEmpty()) {
      return request -> Mono.empty();
    }
    RouterFunctions.Builder routeBuilder = RouterFunctions.route();
    routerFunctionsMap.forEach(
        (gv, routerFunctions) ->
            routeBuilder.nest(
                RequestPredicates.path("/apis/" + gv),
                () -> routerFunctions.stream().reduce(RouterFunction::and).orElse(null)));
    routerFunctionsMap.clear();
    return routeBuilder.build();
  }
}
