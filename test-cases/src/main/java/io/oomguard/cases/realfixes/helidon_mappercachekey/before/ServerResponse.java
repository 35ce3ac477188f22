package io.oomguard.cases.realfixes.helidon_mappercachekey.before;

/** The response of a handler. */
public interface ServerResponse {
  void send(String entity);
}
