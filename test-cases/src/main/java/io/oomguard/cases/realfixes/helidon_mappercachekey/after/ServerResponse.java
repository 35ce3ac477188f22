package io.oomguard.cases.realfixes.helidon_mappercachekey.after;

/** The response of a handler. */
public interface ServerResponse {
  void send(String entity);
}
