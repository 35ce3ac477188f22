package io.oomguard.checker.streams;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.constructor;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The catalogue {@link BodyReadSources} traces against: which calls return an HTTP body in each
 * stack, which wrappers are known to limit one, and what marks content as local (class-path
 * resources, files, {@code file:} URLs, entities this code built itself).
 */
final class BodySources {
  private static final String JAVAX_REQUEST = "javax.servlet.ServletRequest";
  private static final String JAKARTA_REQUEST = "jakarta.servlet.ServletRequest";

  /** Calls that always return an HTTP request or response body. */
  static final Matcher<ExpressionTree> NETWORK_BODY =
      anyOf(
          instanceMethod()
              .onDescendantOf("java.net.HttpURLConnection")
              .namedAnyOf("getInputStream", "getErrorStream"),
          instanceMethod()
              .onDescendantOfAny(JAVAX_REQUEST, JAKARTA_REQUEST)
              .namedAnyOf("getInputStream", "getReader"),
          instanceMethod()
              .onDescendantOfAny(
                  "javax.servlet.http.Part",
                  "jakarta.servlet.http.Part",
                  "org.springframework.web.multipart.MultipartFile")
              .named("getInputStream"),
          instanceMethod()
              .onDescendantOf("com.sun.net.httpserver.HttpExchange")
              .named("getRequestBody"),
          instanceMethod()
              .onDescendantOfAny(
                  "org.apache.http.HttpEntity", "org.apache.hc.core5.http.HttpEntity")
              .named("getContent"),
          instanceMethod()
              .onDescendantOf("okhttp3.ResponseBody")
              .namedAnyOf("byteStream", "charStream", "source"),
          instanceMethod()
              .onDescendantOf("org.springframework.http.HttpInputMessage")
              .named("getBody"),
          instanceMethod()
              .onDescendantOfAny(
                  "javax.ws.rs.container.ContainerRequestContext",
                  "jakarta.ws.rs.container.ContainerRequestContext",
                  "javax.ws.rs.client.ClientResponseContext",
                  "jakarta.ws.rs.client.ClientResponseContext")
              .named("getEntityStream"),
          // An upload as commons-fileupload streams it or keeps it (in memory or a temp file).
          instanceMethod()
              .onDescendantOfAny(
                  "org.apache.commons.fileupload.FileItemStream",
                  "org.apache.commons.fileupload2.core.FileItemInput")
              .named("openStream"),
          instanceMethod()
              .onDescendantOfAny(
                  "org.apache.commons.fileupload.FileItem",
                  "org.apache.commons.fileupload2.core.FileItem")
              .named("getInputStream"),
          // Commons HttpClient 3.
          instanceMethod()
              .onDescendantOf("org.apache.commons.httpclient.HttpMethod")
              .named("getResponseBodyAsStream"),
          // Jetty 12's request content as a stream.
          staticMethod().onClass("org.eclipse.jetty.server.Request").named("asInputStream"),
          // Spring's reactive request and response bodies (WebFlux, WebClient's raw response).
          instanceMethod()
              .onDescendantOf("org.springframework.http.ReactiveHttpInputMessage")
              .named("getBody"));

  /** Calls that return a body as the type asked for; a body when that type is a stream. */
  static final Matcher<ExpressionTree> TYPED_BODY =
      anyOf(
          instanceMethod().onDescendantOf("java.net.http.HttpResponse").named("body"),
          instanceMethod()
              .onDescendantOfAny("javax.ws.rs.core.Response", "jakarta.ws.rs.core.Response")
              .named("readEntity"));

  /** The entity of a request this code builds is content it supplied itself. */
  static final Matcher<ExpressionTree> OWN_REQUEST_ENTITY =
      instanceMethod()
          .onDescendantOfAny("org.apache.http.HttpRequest", "org.apache.hc.core5.http.HttpRequest")
          .named("getEntity");

  static final Matcher<ExpressionTree> URL_OPEN_STREAM =
      instanceMethod().onExactClass("java.net.URL").named("openStream");
  static final Matcher<ExpressionTree> URL_OPEN_CONNECTION =
      instanceMethod().onExactClass("java.net.URL").named("openConnection");
  static final Matcher<ExpressionTree> URL_CONNECTION_STREAM =
      instanceMethod().onDescendantOf("java.net.URLConnection").named("getInputStream");

  static final Matcher<ExpressionTree> GUAVA_LIMIT =
      staticMethod().onClass("com.google.common.io.ByteStreams").named("limit");
  static final Matcher<ExpressionTree> OKHTTP_PEEK_BODY =
      instanceMethod().onDescendantOf("okhttp3.Response").named("peekBody");
  static final Matcher<ExpressionTree> COMMONS_BOUNDED =
      anyOf(
          constructor().forClass("org.apache.commons.io.input.BoundedInputStream"),
          constructor().forClass("org.apache.commons.io.input.BoundedReader"));
  private static final String COMMONS_BOUNDED_STREAM =
      "org.apache.commons.io.input.BoundedInputStream";

  /** Things that carry a body: a value of these types can be traced to a network body. */
  static final ImmutableList<String> CARRIERS =
      ImmutableList.of(
          "java.io.InputStream",
          "java.io.Reader",
          "java.util.Scanner",
          "java.nio.channels.ReadableByteChannel",
          "okio.Source",
          "okhttp3.ResponseBody",
          "org.apache.http.HttpEntity",
          "org.apache.hc.core5.http.HttpEntity",
          "org.reactivestreams.Publisher");

  static final ImmutableList<String> URI = ImmutableList.of("java.net.URI");
  static final ImmutableList<String> URL_OR_URI = ImmutableList.of("java.net.URL", "java.net.URI");
  static final ImmutableList<String> URL_OR_URI_OR_CONNECTION =
      ImmutableList.of("java.net.URL", "java.net.URI", "java.net.URLConnection");

  /** Spring's {@code Resource}: class-path, file or servlet-context content in practice. */
  static final Matcher<ExpressionTree> SPRING_RESOURCE_CONTENT =
      instanceMethod()
          .onDescendantOf("org.springframework.core.io.Resource")
          .namedAnyOf("getURL", "getURI", "getInputStream", "getFile");

  private static final ImmutableSet<String> LOCAL_URL_SCHEMES =
      ImmutableSet.of("file:", "jar:", "classpath:");

  /** Annotations of request handlers whose unannotated stream parameter is the request body. */
  private static final ImmutableList<String> BODY_PARAMETER_HANDLERS =
      ImmutableList.of(
          "javax.ws.rs.POST",
          "javax.ws.rs.PUT",
          "javax.ws.rs.PATCH",
          "javax.ws.rs.DELETE",
          "jakarta.ws.rs.POST",
          "jakarta.ws.rs.PUT",
          "jakarta.ws.rs.PATCH",
          "jakarta.ws.rs.DELETE",
          "org.springframework.web.bind.annotation.RequestMapping",
          "org.springframework.web.bind.annotation.PostMapping",
          "org.springframework.web.bind.annotation.PutMapping",
          "org.springframework.web.bind.annotation.PatchMapping");

  private static final String SPRING_REQUEST_BODY =
      "org.springframework.web.bind.annotation.RequestBody";

  private BodySources() {}

  /**
   * Whether {@code limit}, the size argument of a limiting call, leaves the body unlimited in
   * effect: a constant of {@code Integer.MAX_VALUE} or more, or a negative one (which commons-io
   * reads as "no limit").
   */
  static boolean isEffectivelyUnlimited(ExpressionTree limit) {
    Object value = ASTHelpers.constValue(limit);
    if (!(value instanceof Number number)) {
      return false;
    }
    return number.longValue() >= Integer.MAX_VALUE || number.longValue() < 0;
  }

  /** Whether {@code type} is something a body can travel in (a stream, reader, entity...). */
  static boolean isCarrier(@Nullable Type type, VisitorState state) {
    return isSubtypeOfAny(type, CARRIERS, state);
  }

  static boolean isSubtypeOfAny(@Nullable Type type, List<String> names, VisitorState state) {
    if (type == null) {
      return false;
    }
    for (String name : names) {
      Type supertype = state.getTypeFromString(name);
      if (supertype != null && ASTHelpers.isSubtype(type, supertype, state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A request handler's stream parameter that the framework fills with the request body: the
   * unannotated entity parameter of a JAX-RS {@code @POST}/{@code @PUT}/... method, or an {@code
   * InputStream}/{@code Reader} parameter of a Spring {@code @PostMapping}-style method.
   */
  static boolean isRequestBodyParameter(
      VarSymbol parameter, MethodSymbol method, VisitorState state) {
    if (!isSubtypeOfAny(parameter.type, List.of("java.io.InputStream", "java.io.Reader"), state)
        || BODY_PARAMETER_HANDLERS.stream()
            .noneMatch(annotation -> ASTHelpers.hasAnnotation(method, annotation, state))) {
      return false;
    }
    // JAX-RS passes the entity to the one unannotated parameter; Spring also takes @RequestBody.
    return parameter.getAnnotationMirrors().stream()
        .allMatch(mirror -> mirror.getAnnotationType().toString().equals(SPRING_REQUEST_BODY));
  }

  /** {@code BoundedInputStream.builder()...setMaxCount(max)...get()} with a real maximum. */
  static boolean isBoundedBuilder(MethodInvocationTree call, VisitorState state) {
    if (!isSubtypeOfAny(ASTHelpers.getType(call), List.of(COMMONS_BOUNDED_STREAM), state)) {
      return false;
    }
    for (ExpressionTree link = ASTHelpers.getReceiver(call);
        link instanceof MethodInvocationTree step;
        link = ASTHelpers.getReceiver(step)) {
      Symbol symbol = ASTHelpers.getSymbol(step);
      if (symbol != null
          && symbol.getSimpleName().contentEquals("setMaxCount")
          && step.getArguments().size() == 1
          && !isEffectivelyUnlimited(step.getArguments().get(0))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Content that is local by construction: {@code file.toURI()}, {@code path.toUri()}, {@code
   * file.toURL()}, the entity of a request this code builds, a Spring {@code Resource}.
   */
  static boolean isLocalContent(MethodInvocationTree call, VisitorState state) {
    return isLocalUri(call, state)
        || OWN_REQUEST_ENTITY.matches(call, state)
        || SPRING_RESOURCE_CONTENT.matches(call, state);
  }

  private static boolean isLocalUri(MethodInvocationTree call, VisitorState state) {
    Symbol method = ASTHelpers.getSymbol(call);
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    String name = method == null ? "" : method.getSimpleName().toString();
    return (name.equals("toURI") || name.equals("toUri") || name.equals("toURL"))
        && receiver != null
        && isSubtypeOfAny(
            ASTHelpers.getType(receiver), List.of("java.io.File", "java.nio.file.Path"), state)
        && call.getArguments().isEmpty();
  }

  static boolean isJarConnection(@Nullable Type type, VisitorState state) {
    return isSubtypeOfAny(type, List.of("java.net.JarURLConnection"), state);
  }

  /**
   * Library lookups of bundled content: {@code getResource}, {@code getResources}, {@code
   * findResource}, {@code getResourceAsStream}, {@code ServletContext.getResource}... and OSGi's
   * {@code Bundle.getEntry}.
   */
  static boolean isResourceLookup(String name) {
    return name.toLowerCase(Locale.ROOT).contains("resource")
        || name.equals("getEntry")
        || name.equals("findEntries");
  }

  /** A URL written as text: local when its visible scheme is {@code file:}, {@code jar:}... */
  static BodyOrigin originOfUrlText(ExpressionTree text) {
    String prefix = constantPrefix(text);
    if (prefix == null) {
      return BodyOrigin.UNKNOWN;
    }
    String lower = prefix.toLowerCase(Locale.ROOT);
    return LOCAL_URL_SCHEMES.stream().anyMatch(lower::startsWith)
        ? BodyOrigin.LOCAL
        : BodyOrigin.network("a URL");
  }

  private static @Nullable String constantPrefix(ExpressionTree text) {
    ExpressionTree tree = ASTHelpers.stripParentheses(text);
    String constant = ASTHelpers.constValue(tree, String.class);
    if (constant != null) {
      return constant;
    }
    return tree instanceof BinaryTree concat && concat.getKind() == Tree.Kind.PLUS
        ? constantPrefix(concat.getLeftOperand())
        : null;
  }

  /**
   * {@code HttpURLConnection.getInputStream()}: the receiver's type as the code declares it, and a
   * short argument as written ({@code Response.readEntity(InputStream.class)}).
   */
  static String describe(ExpressionTree call, VisitorState state) {
    Symbol method = ASTHelpers.getSymbol(call);
    if (method == null) {
      return "a network body";
    }
    Type receiver = ASTHelpers.getReceiverType(call);
    String owner =
        receiver != null && receiver.tsym != null
            ? receiver.tsym.getSimpleName().toString()
            : method.owner.getSimpleName().toString();
    List<? extends ExpressionTree> args =
        call instanceof MethodInvocationTree invocation ? invocation.getArguments() : List.of();
    String written = args.size() == 1 ? state.getSourceForNode(args.get(0)) : null;
    String shown =
        args.isEmpty()
            ? ""
            : written != null && written.length() <= 32 && args.size() == 1 ? written : "...";
    return "`" + owner + "." + method.getSimpleName() + "(" + shown + ")`";
  }
}
