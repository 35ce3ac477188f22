package io.oomguard.checker.hotpath;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import java.util.Optional;

/**
 * The one table of per-request entry points: every framework family oomguard knows, as plain data
 * (qualified names only) so that both the javac-based {@link HotPaths} and a source-level index can
 * read it.
 *
 * <p>A method is an entry point of a family when it carries one of the family's annotations; or
 * when it is one of the family's method names declared in a subtype of one of its supertypes
 * (servlet {@code doGet}, filter {@code doFilter}, Netty {@code channelRead}), taking one of its
 * parameter types when the family names some (Vert.x {@code Handler<RoutingContext>}); or, with no
 * method names, when it takes one of its parameter types in a subtype of one of its supertypes
 * (gRPC); or, with neither supertypes nor method names, when it takes one of the family's parameter
 * types at all: an exchange or request object that exists only while a request is being handled (a
 * WebFlux {@code ServerWebExchange}, a servlet request). A lambda or method reference that
 * implements an entry-point interface, or takes such a request object, is an entry point too.
 */
public final class EntryPoints {
  /** The fully qualified name of oomguard's own marker, {@code @HotPath}. */
  public static final String HOT_PATH_ANNOTATION = "io.oomguard.annotations.HotPath";

  /**
   * One family of entry points.
   *
   * @param kind how a finding names the context, e.g. "request handler"
   * @param annotations qualified names of method annotations that make a method an entry point
   * @param supertypes qualified names of types whose subtypes' {@code methodNames} are entry
   *     points; with {@code thrownType}, simple names of generated service interfaces instead
   * @param methodNames names of the overriding methods that are entry points
   * @param parameterTypes qualified names of parameter types: with {@code supertypes}, a method
   *     taking one of them in a subtype is an entry point; alone, any method taking one is
   * @param thrownType with {@code supertypes} as simple names: a method overriding a method of an
   *     interface of one of those names that declares this exception is an entry point (Thrift's
   *     generated {@code Iface}, whose every method throws {@code TException})
   */
  public record Family(
      String kind,
      ImmutableSet<String> annotations,
      ImmutableSet<String> supertypes,
      ImmutableSet<String> methodNames,
      ImmutableSet<String> parameterTypes,
      Optional<String> thrownType) {

    static Family annotated(String kind, String... annotations) {
      return new Family(
          kind,
          ImmutableSet.copyOf(annotations),
          ImmutableSet.of(),
          ImmutableSet.of(),
          ImmutableSet.of(),
          Optional.empty());
    }

    static Family overriding(String kind, ImmutableSet<String> supertypes, String... methods) {
      return new Family(
          kind,
          ImmutableSet.of(),
          supertypes,
          ImmutableSet.copyOf(methods),
          ImmutableSet.of(),
          Optional.empty());
    }

    static Family overriding(String kind, String supertype, String... methods) {
      return overriding(kind, ImmutableSet.of(supertype), methods);
    }

    static Family taking(String kind, String... parameterTypes) {
      return new Family(
          kind,
          ImmutableSet.of(),
          ImmutableSet.of(),
          ImmutableSet.of(),
          ImmutableSet.copyOf(parameterTypes),
          Optional.empty());
    }

    /** Whether a method name could belong to this family through overriding. */
    public boolean isOverrideFamily() {
      return !supertypes.isEmpty() && !methodNames.isEmpty() && thrownType.isEmpty();
    }

    /** Whether any method taking one of {@link #parameterTypes}, anywhere, is an entry point. */
    public boolean isParameterFamily() {
      return supertypes.isEmpty() && annotations.isEmpty() && !parameterTypes.isEmpty();
    }
  }

  private static final String SPRING_WEB = "org.springframework.web.bind.annotation.";
  private static final String MICRONAUT = "io.micronaut.http.annotation.";
  private static final String WEBFLUX_FN = "org.springframework.web.reactive.function.server.";
  private static final String WEBMVC_FN = "org.springframework.web.servlet.function.";

  /** Every family, in the order findings prefer when a method belongs to several. */
  public static final ImmutableList<Family> FAMILIES =
      ImmutableList.of(
          Family.annotated(
              "request handler",
              SPRING_WEB + "RequestMapping",
              SPRING_WEB + "GetMapping",
              SPRING_WEB + "PostMapping",
              SPRING_WEB + "PutMapping",
              SPRING_WEB + "DeleteMapping",
              SPRING_WEB + "PatchMapping"),
          Family.annotated(
              "JAX-RS resource method",
              jaxRs("javax.ws.rs.", "jakarta.ws.rs.").toArray(new String[0])),
          Family.annotated(
              "request handler",
              MICRONAUT + "Get",
              MICRONAUT + "Post",
              MICRONAUT + "Put",
              MICRONAUT + "Delete",
              MICRONAUT + "Patch",
              MICRONAUT + "Head",
              MICRONAUT + "Options"),
          Family.annotated(
              "message handler",
              "org.springframework.messaging.handler.annotation.MessageMapping",
              "org.springframework.kafka.annotation.KafkaListener",
              "org.springframework.amqp.rabbit.annotation.RabbitListener",
              "org.springframework.jms.annotation.JmsListener"),
          Family.overriding(
              "servlet method",
              ImmutableSet.of("javax.servlet.http.HttpServlet", "jakarta.servlet.http.HttpServlet"),
              "doGet",
              "doPost",
              "doPut",
              "doDelete",
              "doPatch",
              "service"),
          Family.overriding(
              "servlet method",
              ImmutableSet.of("javax.servlet.Servlet", "jakarta.servlet.Servlet"),
              "service"),
          Family.overriding(
              "servlet filter",
              ImmutableSet.of("javax.servlet.Filter", "jakarta.servlet.Filter"),
              "doFilter"),
          Family.overriding(
              "servlet filter",
              "org.springframework.web.filter.OncePerRequestFilter",
              "doFilterInternal"),
          Family.overriding(
              "handler interceptor",
              ImmutableSet.of(
                  "org.springframework.web.servlet.HandlerInterceptor",
                  "org.springframework.web.servlet.AsyncHandlerInterceptor"),
              "preHandle",
              "postHandle",
              "afterCompletion",
              "afterConcurrentHandlingStarted"),
          Family.overriding(
              "request handler",
              ImmutableSet.of(
                  WEBFLUX_FN + "HandlerFunction",
                  WEBMVC_FN + "HandlerFunction",
                  "org.springframework.web.server.WebHandler"),
              "handle"),
          Family.overriding(
              "router function",
              ImmutableSet.of(WEBFLUX_FN + "RouterFunction", WEBMVC_FN + "RouterFunction"),
              "route"),
          Family.overriding(
              "web filter",
              ImmutableSet.of(
                  "org.springframework.web.server.WebFilter",
                  WEBFLUX_FN + "HandlerFilterFunction",
                  WEBMVC_FN + "HandlerFilterFunction"),
              "filter"),
          Family.overriding(
              "gateway filter",
              ImmutableSet.of(
                  "org.springframework.cloud.gateway.filter.GlobalFilter",
                  "org.springframework.cloud.gateway.filter.GatewayFilter"),
              "filter"),
          Family.overriding(
              "JAX-RS filter",
              ImmutableSet.of(
                  "javax.ws.rs.container.ContainerRequestFilter",
                  "jakarta.ws.rs.container.ContainerRequestFilter",
                  "javax.ws.rs.container.ContainerResponseFilter",
                  "jakarta.ws.rs.container.ContainerResponseFilter"),
              "filter"),
          Family.overriding(
              "JAX-RS interceptor",
              ImmutableSet.of(
                  "javax.ws.rs.ext.ReaderInterceptor",
                  "jakarta.ws.rs.ext.ReaderInterceptor",
                  "javax.ws.rs.ext.WriterInterceptor",
                  "jakarta.ws.rs.ext.WriterInterceptor"),
              "aroundReadFrom",
              "aroundWriteTo"),
          Family.overriding("HTTP handler", "com.sun.net.httpserver.HttpHandler", "handle"),
          Family.overriding("Undertow handler", "io.undertow.server.HttpHandler", "handleRequest"),
          Family.overriding("Jetty handler", "org.eclipse.jetty.server.Handler", "handle"),
          Family.overriding(
              "Netty handler",
              ImmutableSet.of(
                  "io.netty.channel.ChannelInboundHandler",
                  "io.netty.channel.SimpleChannelInboundHandler"),
              "channelRead",
              "channelRead0"),
          Family.overriding(
              "Netty channel initializer (per connection)",
              "io.netty.channel.ChannelInitializer",
              "initChannel"),
          new Family(
              "Vert.x handler",
              ImmutableSet.of(),
              ImmutableSet.of("io.vertx.core.Handler"),
              ImmutableSet.of("handle"),
              ImmutableSet.of(
                  "io.vertx.ext.web.RoutingContext",
                  "io.vertx.core.http.HttpServerRequest",
                  "io.vertx.core.http.ServerWebSocket"),
              Optional.empty()),
          new Family(
              "gRPC service method",
              ImmutableSet.of(),
              ImmutableSet.of("io.grpc.BindableService"),
              ImmutableSet.of(),
              ImmutableSet.of("io.grpc.stub.StreamObserver"),
              Optional.empty()),
          new Family(
              "Thrift service method",
              ImmutableSet.of(),
              ImmutableSet.of("Iface", "AsyncIface"),
              ImmutableSet.of(),
              ImmutableSet.of(),
              Optional.of("org.apache.thrift.TException")),
          Family.annotated("@HotPath method", HOT_PATH_ANNOTATION),
          // Last: the object of one request, which exists only while the request is handled.
          Family.taking(
              "method handling a request",
              "org.springframework.web.server.ServerWebExchange",
              WEBFLUX_FN + "ServerRequest",
              WEBMVC_FN + "ServerRequest",
              "javax.servlet.http.HttpServletRequest",
              "jakarta.servlet.http.HttpServletRequest",
              "javax.ws.rs.container.ContainerRequestContext",
              "jakarta.ws.rs.container.ContainerRequestContext",
              "com.sun.net.httpserver.HttpExchange",
              "io.undertow.server.HttpServerExchange",
              "io.vertx.ext.web.RoutingContext",
              "io.vertx.core.http.HttpServerRequest"));

  /**
   * Annotations and methods that mark start-up code: what they reach is not hot through them (a
   * loop inside them still is).
   */
  public static final ImmutableSet<String> START_UP_ANNOTATIONS =
      ImmutableSet.of(
          "javax.annotation.PostConstruct",
          "jakarta.annotation.PostConstruct",
          "org.springframework.context.annotation.Bean",
          "io.micronaut.context.annotation.Bean");

  /** Callbacks, by the type that declares them, that containers call once at start-up. */
  public static final ImmutableSetMultimap<String, String> START_UP_CALLBACKS =
      ImmutableSetMultimap.<String, String>builder()
          .put("org.springframework.beans.factory.InitializingBean", "afterPropertiesSet")
          .put(
              "org.springframework.beans.factory.SmartInitializingSingleton",
              "afterSingletonsInstantiated")
          .put("org.springframework.boot.CommandLineRunner", "run")
          .put("org.springframework.boot.ApplicationRunner", "run")
          .put("jakarta.servlet.Servlet", "init")
          .put("javax.servlet.Servlet", "init")
          .put("jakarta.servlet.GenericServlet", "init")
          .put("javax.servlet.GenericServlet", "init")
          .put("jakarta.servlet.Filter", "init")
          .put("javax.servlet.Filter", "init")
          .put("jakarta.servlet.ServletContextListener", "contextInitialized")
          .put("javax.servlet.ServletContextListener", "contextInitialized")
          .build();

  /** The annotation of Spring event listeners; with one of {@link #START_UP_EVENTS}, start-up. */
  public static final String EVENT_LISTENER = "org.springframework.context.event.EventListener";

  /** Spring events that fire once, when the application context is up. */
  public static final ImmutableSet<String> START_UP_EVENTS =
      ImmutableSet.of(
          "org.springframework.context.event.ContextRefreshedEvent",
          "org.springframework.boot.context.event.ApplicationReadyEvent",
          "org.springframework.boot.context.event.ApplicationStartedEvent");

  private EntryPoints() {}

  private static ImmutableList<String> jaxRs(String... packages) {
    ImmutableList.Builder<String> names = ImmutableList.builder();
    for (String pkg : packages) {
      for (String verb :
          ImmutableList.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")) {
        names.add(pkg + verb);
      }
    }
    return names.build();
  }
}
