package io.oomguard.cases.realfixes.jersey_jettytimer.after;

public interface TimeoutHandler {
  void onTimeout(ContainerResponseWriter responseWriter);
}
