package io.oomguard.cases.realfixes.reactornetty_uritemplate.before;

/** An application using the routes: one route with a path variable. */
final class UserServer {
  static HttpServerHandler handler() {
    DefaultHttpServerRoutes routes = new DefaultHttpServerRoutes();
    routes.get("/users/{id}", request -> "user " + request.params().get("id"));
    return new HttpServerHandler(routes);
  }
}
