package io.oomguard.cases.realfixes.helidon_mappercachekey.after;

/** A request as the web server hands it to a handler. */
public interface ServerRequest {
  UriQuery query();
}
