package io.oomguard.cases.realfixes.reactornetty_uritemplate.after;

import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/** The route table: built once when the server is configured, consulted per request. */
final class DefaultHttpServerRoutes {

  private final CopyOnWriteArrayList<HttpRouteHandler> handlers = new CopyOnWriteArrayList<>();

  DefaultHttpServerRoutes get(String path, Function<HttpServerRequest, String> handler) {
    return route(HttpPredicate.get(path), handler);
  }

  DefaultHttpServerRoutes route(
      Predicate<? super HttpServerRequest> condition, Function<HttpServerRequest, String> handler) {
    handlers.add(new HttpRouteHandler(condition, handler));
    return this;
  }

  /** Called for every request the server receives. */
  String apply(HttpServerRequest request) {
    for (HttpRouteHandler handler : handlers) {
      if (handler.test(request)) {
        if (handler.resolvePath != null) {
          request.paramsResolver(handler.resolvePath);
        }
        return handler.handler.apply(request);
      }
    }
    return null;
  }

  static final class HttpRouteHandler implements Predicate<HttpServerRequest> {
    final Predicate<? super HttpServerRequest> condition;
    final Function<HttpServerRequest, String> handler;
    final Function<? super String, Map<String, String>> resolvePath;

    @SuppressWarnings("unchecked")
    HttpRouteHandler(
        Predicate<? super HttpServerRequest> condition,
        Function<HttpServerRequest, String> handler) {
      this.condition = condition;
      this.handler = handler;
      this.resolvePath =
          condition instanceof HttpPredicate
              ? (Function<? super String, Map<String, String>>) (Function<?, ?>) condition
              : null;
    }

    @Override
    public boolean test(HttpServerRequest request) {
      return condition.test(request);
    }
  }
}
