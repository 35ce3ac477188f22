package io.oomguard.cases.realfixes.helidon_mappercachekey.before;

/** A route handler of the web server, called for every matching request. */
@FunctionalInterface
public interface Handler {
  void handle(ServerRequest req, ServerResponse res);
}
