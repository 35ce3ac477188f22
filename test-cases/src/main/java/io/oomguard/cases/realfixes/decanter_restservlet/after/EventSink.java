package io.oomguard.cases.realfixes.decanter_restservlet.after;

import java.util.Map;

/** Where collected data goes (the OSGi EventAdmin in the real collector; reduced). */
public interface EventSink {
  void postEvent(String topic, Map<String, Object> data);
}
