package hotpath;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebHandler;
import org.springframework.web.servlet.HandlerInterceptor;
import reactor.core.publisher.Mono;

/**
 * Entry points beyond annotated controllers: WebFlux handlers, routers and filters (classes and
 * lambdas), Spring MVC interceptors, JAX-RS container filters, Jetty handlers, and any method that
 * takes the object of one request.
 */
class RequestFilters {
  static void probe() {}

  static class Ping implements HandlerFunction<ServerResponse> {
    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
      // BUG: Diagnostic contains: hot in request handler `Ping.handle`
      probe();
      return ServerResponse.ok().build();
    }
  }

  static class Root implements WebHandler {
    @Override
    public Mono<Void> handle(ServerWebExchange exchange) {
      // BUG: Diagnostic contains: hot in request handler `Root.handle`
      probe();
      return Mono.empty();
    }
  }

  static class Timing implements WebFilter {
    Timing() {
      probe();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
      // BUG: Diagnostic contains: hot in web filter `Timing.filter`
      probe();
      return chain.filter(exchange);
    }
  }

  static class Routes implements RouterFunction<ServerResponse> {
    @Override
    public Mono<HandlerFunction<ServerResponse>> route(ServerRequest request) {
      // BUG: Diagnostic contains: hot in router function `Routes.route`
      probe();
      return Mono.empty();
    }

    /** Builds the routes once: only the handlers it registers run per request. */
    RouterFunction<ServerResponse> functional() {
      probe();
      return RouterFunctions.route()
          .GET(
              "/ping",
              request -> {
                // BUG: Diagnostic contains: hot in request handler `lambda in Routes.functional`
                probe();
                return ServerResponse.ok().build();
              })
          .filter(
              (request, next) -> {
                // BUG: Diagnostic contains: hot in web filter `lambda in Routes.functional`
                probe();
                return next.handle(request);
              })
          .build();
    }
  }

  static class Audit implements HandlerInterceptor {
    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler) {
      // BUG: Diagnostic contains: hot in handler interceptor `Audit.preHandle`
      probe();
      return true;
    }
  }

  static class Auth implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext context) {
      // BUG: Diagnostic contains: hot in JAX-RS filter `Auth.filter`
      probe();
    }
  }

  static class Hello extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      // BUG: Diagnostic contains: hot in Jetty handler `Hello.handle`
      probe();
      callback.succeeded();
      return true;
    }
  }

  /** A framework's own filter contract, unknown to oomguard: its exchange makes it per request. */
  interface RouteFilter {
    Mono<Void> filter(ServerWebExchange exchange, Runnable next);
  }

  static class RetryFilter implements RouteFilter {
    @Override
    public Mono<Void> filter(ServerWebExchange exchange, Runnable next) {
      // BUG: Diagnostic contains: hot in method handling a request `RetryFilter.filter`
      probe();
      return Mono.empty();
    }
  }

  static class Headers {
    static String clientAddress(HttpServletRequest request) {
      // BUG: Diagnostic contains: hot in method handling a request `Headers.clientAddress`
      probe();
      return request.getRemoteAddr();
    }

    /** Called from an entry point: the entry point's chain says more than the parameter. */
    @org.springframework.web.bind.annotation.GetMapping("/who")
    String who(HttpServletRequest request) {
      return format(request);
    }

    private String format(HttpServletRequest request) {
      // BUG: Diagnostic contains: reached from request handler `Headers.who` (GET /who)
      probe();
      return request.getRemoteAddr();
    }
  }
}
