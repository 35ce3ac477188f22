package io.oomguard.cases.realfixes.jersey_jettytimer.before;

public interface TimeoutHandler {
  void onTimeout(ContainerResponseWriter responseWriter);
}
