package io.oomguard.cases.realfixes.armeria_requestmetricsmap.after;

/** A service of the server: serves one request. */
@FunctionalInterface
public interface Service {
  String serve(RequestContext ctx, String request) throws Exception;
}
