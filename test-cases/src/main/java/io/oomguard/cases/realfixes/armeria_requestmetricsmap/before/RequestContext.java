package io.oomguard.cases.realfixes.armeria_requestmetricsmap.before;

/** The context of one request: its path mapping and method. */
public interface RequestContext {
  String pathMappingMetricName();

  String method();
}
