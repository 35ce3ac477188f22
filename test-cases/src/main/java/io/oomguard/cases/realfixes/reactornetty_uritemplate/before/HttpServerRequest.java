package io.oomguard.cases.realfixes.reactornetty_uritemplate.before;

import java.util.Map;
import java.util.function.Function;

/** The server's view of an inbound request. */
public interface HttpServerRequest {
  String uri();

  String method();

  /** Installs the resolver that turns the URI into path parameters for the handler. */
  void paramsResolver(Function<? super String, Map<String, String>> resolver);

  Map<String, String> params();
}
