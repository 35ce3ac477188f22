package io.oomguard.cases.realfixes.jersey_jettytimer.before;

/** Jersey's request processing entry point for an application (reduced). */
public interface ApplicationHandler {

  void handle(ContainerRequest request);

  void onShutdown();
}
