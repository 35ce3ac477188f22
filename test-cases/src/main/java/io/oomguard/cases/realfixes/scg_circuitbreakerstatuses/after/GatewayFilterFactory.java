package io.oomguard.cases.realfixes.scg_circuitbreakerstatuses.after;

/** Builds a route's filter from the route's configuration, once when routes are loaded. */
public interface GatewayFilterFactory<C> {
  GatewayFilter apply(C config);

  String name();
}
