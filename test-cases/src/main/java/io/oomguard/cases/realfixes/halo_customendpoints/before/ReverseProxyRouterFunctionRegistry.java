package io.oomguard.cases.realfixes.halo_customendpoints.before;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Static-resource routes of plugins (reduced). */
@Component
public class ReverseProxyRouterFunctionRegistry {
  private final List<RouterFunction<ServerResponse>> routerFunctions = new CopyOnWriteArrayList<>();

  public void register(RouterFunction<ServerResponse> routerFunction) {
    routerFunctions.add(routerFunction);
  }

  public void remove(RouterFunction<ServerResponse> routerFunction) {
    routerFunctions.remove(routerFunction);
  }

  public List<RouterFunction<ServerResponse>> getRouterFunctions() {
    return routerFunctions;
  }
}
