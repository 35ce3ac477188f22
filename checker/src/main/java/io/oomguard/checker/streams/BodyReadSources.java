package io.oomguard.checker.streams;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.constructor;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where a stream, reader, HTTP entity, response body or URL comes from: a network body, a limiting
 * wrapper, a local resource, or somewhere the compiler cannot see.
 *
 * <p>The tracing follows values the way they travel in real code: through casts, conditionals,
 * local variables and try-with-resources, fields assigned anywhere in the file, wrapping streams,
 * readers and decoders ({@code BufferedInputStream}, {@code GZIPInputStream}, {@code
 * InputStreamReader}, {@code BufferedReader}, any constructor or method that takes a stream and
 * returns one), helper methods of the same file that return a stream (their parameters bound to the
 * caller's arguments), and back from a helper's parameter to the calls that pass it. Wrappers count
 * as bounds only when they are known to limit ({@code ByteStreams.limit}, commons-io {@code
 * BoundedInputStream}/{@code BoundedReader}, OkHttp {@code peekBody}); a project's own wrapper is
 * traced through, whatever its name says.
 */
public final class BodyReadSources {
  private static final String JAVAX_REQUEST = "javax.servlet.ServletRequest";
  private static final String JAKARTA_REQUEST = "jakarta.servlet.ServletRequest";

  /** Calls that always return an HTTP request or response body. */
  private static final Matcher<ExpressionTree> NETWORK_BODY =
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
              .named("getEntityStream"));

  /** Calls that return a body as the type asked for; a body when that type is a stream. */
  private static final Matcher<ExpressionTree> TYPED_BODY =
      anyOf(
          instanceMethod().onDescendantOf("java.net.http.HttpResponse").named("body"),
          instanceMethod()
              .onDescendantOfAny("javax.ws.rs.core.Response", "jakarta.ws.rs.core.Response")
              .named("readEntity"));

  /** The entity of a request this code builds is content it supplied itself. */
  private static final Matcher<ExpressionTree> OWN_REQUEST_ENTITY =
      instanceMethod()
          .onDescendantOfAny("org.apache.http.HttpRequest", "org.apache.hc.core5.http.HttpRequest")
          .named("getEntity");

  private static final Matcher<ExpressionTree> URL_OPEN_STREAM =
      instanceMethod().onExactClass("java.net.URL").named("openStream");
  private static final Matcher<ExpressionTree> URL_OPEN_CONNECTION =
      instanceMethod().onExactClass("java.net.URL").named("openConnection");
  private static final Matcher<ExpressionTree> URL_CONNECTION_STREAM =
      instanceMethod().onDescendantOf("java.net.URLConnection").named("getInputStream");

  private static final Matcher<ExpressionTree> GUAVA_LIMIT =
      staticMethod().onClass("com.google.common.io.ByteStreams").named("limit");
  private static final Matcher<ExpressionTree> OKHTTP_PEEK_BODY =
      instanceMethod().onDescendantOf("okhttp3.Response").named("peekBody");
  private static final Matcher<ExpressionTree> COMMONS_BOUNDED =
      anyOf(
          constructor().forClass("org.apache.commons.io.input.BoundedInputStream"),
          constructor().forClass("org.apache.commons.io.input.BoundedReader"));
  private static final String COMMONS_BOUNDED_STREAM =
      "org.apache.commons.io.input.BoundedInputStream";

  /** Things that carry a body: a value of these types can be traced to a network body. */
  private static final ImmutableList<String> CARRIERS =
      ImmutableList.of(
          "java.io.InputStream",
          "java.io.Reader",
          "java.util.Scanner",
          "java.nio.channels.ReadableByteChannel",
          "okio.Source",
          "okhttp3.ResponseBody",
          "org.apache.http.HttpEntity",
          "org.apache.hc.core5.http.HttpEntity");

  /** Spring's {@code Resource}: class-path, file or servlet-context content in practice. */
  private static final Matcher<ExpressionTree> SPRING_RESOURCE_CONTENT =
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

  /** How many helper methods deep (forward or back) the tracing follows a value. */
  private static final int MAX_DEPTH = 4;

  /** An upper bound on the work spent on one question, so no file can make it slow. */
  private static final int MAX_STEPS = 400;

  private BodyReadSources() {}

  /**
   * The origin of {@code body}, an expression inside the code at {@code state.getPath()}.
   *
   * <p>Never throws: whatever it cannot follow is {@link BodyOrigin.Kind#UNKNOWN}.
   */
  public static BodyOrigin originOf(ExpressionTree body, VisitorState state) {
    return originOf(body, SourceIndex.of(state.getPath().getCompilationUnit()), state);
  }

  static BodyOrigin originOf(ExpressionTree body, SourceIndex index, VisitorState state) {
    return new Tracer(index, state).trace(body, Frame.ROOT);
  }

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
   * The helper-method context a value is traced in: the caller's arguments bound to the helper's
   * parameters (forward into a helper that returns a stream), or none (the method of the read, a
   * caller reached backwards, a field's initializer).
   */
  private static final class Frame {
    static final Frame ROOT = new Frame(ImmutableMap.of(), 0, "");

    final ImmutableMap<Symbol, Argument> arguments;
    final int depth;

    /** The method this frame traces in, when it is not the method of the read. */
    final String method;

    Frame(ImmutableMap<Symbol, Argument> arguments, int depth, String method) {
      this.arguments = arguments;
      this.depth = depth;
      this.method = method;
    }
  }

  private record Argument(ExpressionTree value, Frame frame) {}

  private record Visit(Symbol variable, Frame frame) {}

  private static final class Tracer {
    private final SourceIndex index;
    private final VisitorState state;
    private final Set<Visit> visiting = new HashSet<>();
    private int steps;

    Tracer(SourceIndex index, VisitorState state) {
      this.index = index;
      this.state = state;
    }

    BodyOrigin trace(@Nullable ExpressionTree tree, Frame frame) {
      if (tree == null || ++steps > MAX_STEPS) {
        return BodyOrigin.UNKNOWN;
      }
      tree = ASTHelpers.stripParentheses(tree);
      if (tree instanceof TypeCastTree cast) {
        return isJarConnection(ASTHelpers.getType(cast))
            ? BodyOrigin.LOCAL
            : trace(cast.getExpression(), frame);
      }
      if (tree instanceof ConditionalExpressionTree conditional) {
        return BodyOrigin.eitherOf(
            trace(conditional.getTrueExpression(), frame),
            trace(conditional.getFalseExpression(), frame));
      }
      if (tree instanceof LiteralTree) {
        return BodyOrigin.NONE;
      }
      if (tree instanceof LambdaExpressionTree lambda) {
        // IOUtils.toString(() -> conn.getInputStream(), UTF_8): the supplier's result.
        return lambda.getBody() instanceof ExpressionTree result
            ? trace(result, frame)
            : BodyOrigin.UNKNOWN;
      }
      if (tree instanceof MemberReferenceTree reference) {
        return NETWORK_BODY.matches(reference, state)
            ? network(describe(reference, state), frame)
            : BodyOrigin.UNKNOWN;
      }
      if (tree instanceof MethodInvocationTree call) {
        return traceCall(call, frame);
      }
      if (tree instanceof NewClassTree newClass) {
        return traceNew(newClass, frame);
      }
      if (tree instanceof IdentifierTree || tree instanceof MemberSelectTree) {
        return ASTHelpers.getSymbol(tree) instanceof VarSymbol variable
            ? traceVariable(variable, frame)
            : BodyOrigin.UNKNOWN;
      }
      return BodyOrigin.UNKNOWN;
    }

    private BodyOrigin traceCall(MethodInvocationTree call, Frame frame) {
      MethodSymbol method = ASTHelpers.getSymbol(call);
      if (method == null) {
        return BodyOrigin.UNKNOWN;
      }
      List<? extends ExpressionTree> args = call.getArguments();
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      String name = method.getSimpleName().toString();
      if (NETWORK_BODY.matches(call, state)) {
        return network(describe(call, state), frame);
      }
      if (TYPED_BODY.matches(call, state)) {
        Type type = ASTHelpers.getType(call);
        return isCarrier(type, state)
                || isSubtypeOfAny(type, List.of("java.util.stream.Stream"), state)
            ? network(describe(call, state), frame)
            : BodyOrigin.UNKNOWN;
      }
      if (URL_OPEN_STREAM.matches(call, state)
          || URL_OPEN_CONNECTION.matches(call, state)
          || URL_CONNECTION_STREAM.matches(call, state)) {
        // A URL or connection is a network body unless it is seen to point at local content.
        return isJarConnection(ASTHelpers.getType(receiver))
                || trace(receiver, frame).kind() == BodyOrigin.Kind.LOCAL
            ? BodyOrigin.LOCAL
            : network(describe(call, state), frame);
      }
      if (GUAVA_LIMIT.matches(call, state) && args.size() == 2) {
        return isEffectivelyUnlimited(args.get(1))
            ? trace(args.get(0), frame)
            : BodyOrigin.bounded("`ByteStreams.limit`");
      }
      if (OKHTTP_PEEK_BODY.matches(call, state) && args.size() == 1) {
        return isEffectivelyUnlimited(args.get(0))
            ? BodyOrigin.UNKNOWN
            : BodyOrigin.bounded("`peekBody`");
      }
      if (isBoundedBuilder(call)) {
        return BodyOrigin.bounded("`BoundedInputStream`");
      }
      if (isLocalUri(call, name, receiver)
          || OWN_REQUEST_ENTITY.matches(call, state)
          || SPRING_RESOURCE_CONTENT.matches(call, state)) {
        return BodyOrigin.LOCAL;
      }
      TreePath declaration = index.declarationOf(method);
      if (declaration != null) {
        return traceReturns(declaration, args, frame);
      }
      if (isResourceLookup(name)) {
        return BodyOrigin.LOCAL;
      }
      Type result = ASTHelpers.getType(call);
      if (name.equals("create") && isSubtypeOfAny(result, URI, state)) {
        return args.isEmpty() ? BodyOrigin.UNKNOWN : originOfUrlText(args.get(0));
      }
      if (isSubtypeOfAny(result, URL_OR_URI, state) && receiver != null && !method.isStatic()) {
        // uri.toURL(), base.resolve(path), urls.nextElement(), list.get(i): the receiver's origin
        return trace(receiver, frame);
      }
      return throughWrapper(method, result, receiver, args, frame);
    }

    private BodyOrigin traceNew(NewClassTree newClass, Frame frame) {
      List<? extends ExpressionTree> args = newClass.getArguments();
      if (COMMONS_BOUNDED.matches(newClass, state)) {
        return args.size() == 2 && !isEffectivelyUnlimited(args.get(1))
            ? BodyOrigin.bounded(
                "`" + ASTHelpers.getSymbol(newClass.getIdentifier()).getSimpleName() + "`")
            : trace(args.get(0), frame);
      }
      Type type = ASTHelpers.getType(newClass);
      if (isSubtypeOfAny(type, URL_OR_URI, state)) {
        if (args.isEmpty()) {
          return BodyOrigin.UNKNOWN;
        }
        ExpressionTree first = args.get(0);
        return isSubtypeOfAny(ASTHelpers.getType(first), URL_OR_URI, state)
            ? trace(first, frame) // new URL(base, "path")
            : originOfUrlText(first);
      }
      MethodSymbol constructor = ASTHelpers.getSymbol(newClass);
      if (constructor == null) {
        return BodyOrigin.UNKNOWN;
      }
      BodyOrigin wrapped = throughWrapper(constructor, type, null, args, frame);
      // A new stream over no other stream (a byte array, a file) is local content.
      return wrapped.kind() == BodyOrigin.Kind.UNKNOWN && !anyCarrier(args)
          ? BodyOrigin.LOCAL
          : wrapped;
    }

    /**
     * A call that takes a body and returns one (a wrapper, a decoder, {@code
     * Objects.requireNonNull}) carries the body through; without a body among its inputs, a
     * library's static factory returns local content and anything else is unknown.
     */
    private BodyOrigin throughWrapper(
        MethodSymbol method,
        @Nullable Type result,
        @Nullable ExpressionTree receiver,
        List<? extends ExpressionTree> args,
        Frame frame) {
      // Objects.requireNonNull(X.class.getResource(name)) carries a URL the same way.
      List<String> carriers =
          isSubtypeOfAny(result, URL_OR_URI_OR_CONNECTION, state)
              ? URL_OR_URI_OR_CONNECTION
              : CARRIERS;
      BodyOrigin origin = BodyOrigin.NONE;
      boolean carried = false;
      if (receiver != null
          && !method.isStatic()
          && isSubtypeOfAny(ASTHelpers.getType(receiver), carriers, state)) {
        origin = trace(receiver, frame);
        carried = true;
      }
      for (ExpressionTree arg : args) {
        if (isSubtypeOfAny(ASTHelpers.getType(arg), carriers, state)) {
          origin = BodyOrigin.eitherOf(origin, trace(arg, frame));
          carried = true;
        }
      }
      if (carried) {
        return origin;
      }
      return method.isStatic() && !anyUrl(args) ? BodyOrigin.LOCAL : BodyOrigin.UNKNOWN;
    }

    private BodyOrigin traceVariable(VarSymbol variable, Frame frame) {
      Argument argument = frame.arguments.get(variable);
      if (argument != null) {
        return trace(argument.value(), argument.frame());
      }
      return switch (variable.getKind()) {
        case PARAMETER -> traceParameter(variable, frame);
        case LOCAL_VARIABLE, RESOURCE_VARIABLE, BINDING_VARIABLE -> traceValues(variable, frame);
        case FIELD -> traceValues(variable, deeper(frame, ""));
        default -> BodyOrigin.UNKNOWN;
      };
    }

    private BodyOrigin traceValues(VarSymbol variable, @Nullable Frame frame) {
      List<ExpressionTree> values = index.valuesOf(variable);
      if (frame == null || values.isEmpty()) {
        return BodyOrigin.UNKNOWN;
      }
      Visit visit = new Visit(variable, frame);
      if (!visiting.add(visit)) {
        return BodyOrigin.NONE; // `in = new BufferedInputStream(in)`: the cycle adds nothing
      }
      BodyOrigin origin = BodyOrigin.NONE;
      for (ExpressionTree value : values) {
        origin = BodyOrigin.eitherOf(origin, trace(value, frame));
      }
      visiting.remove(visit);
      return origin;
    }

    /**
     * A parameter with no argument bound: a request handler's body parameter, or whatever the calls
     * in this file pass for it, judged by the riskiest caller.
     */
    private BodyOrigin traceParameter(VarSymbol parameter, Frame frame) {
      if (!(parameter.owner instanceof MethodSymbol method)) {
        return BodyOrigin.UNKNOWN;
      }
      if (isRequestBodyParameter(parameter, method)) {
        return network("the request body parameter `" + parameter.getSimpleName() + "`", frame);
      }
      int position = method.getParameters().indexOf(parameter);
      if (position < 0 || (method.isVarArgs() && position == method.getParameters().size() - 1)) {
        return BodyOrigin.UNKNOWN;
      }
      BodyOrigin origin = BodyOrigin.NONE;
      for (TreePath call : index.callsOf(method)) {
        List<? extends ExpressionTree> args = arguments(call.getLeaf());
        Frame caller = deeper(frame, enclosingMethodName(call));
        if (caller == null || position >= args.size()) {
          continue;
        }
        BodyOrigin passed =
            ContentLengthGuards.guardsBefore(call, index, state)
                ? BodyOrigin.bounded("a content-length check in `" + caller.method + "`")
                : trace(args.get(position), caller);
        origin = BodyOrigin.worstOf(origin, passed);
      }
      return origin.kind() == BodyOrigin.Kind.NONE ? BodyOrigin.UNKNOWN : origin;
    }

    /** A same-file helper's result: what its return statements return, arguments bound. */
    private BodyOrigin traceReturns(
        TreePath declaration, List<? extends ExpressionTree> args, Frame frame) {
      MethodTree method = (MethodTree) declaration.getLeaf();
      Frame helper = deeper(frame, method.getName().toString());
      if (helper == null) {
        return BodyOrigin.UNKNOWN;
      }
      Map<Symbol, Argument> bound = new HashMap<>();
      for (int i = 0; i < method.getParameters().size() && i < args.size(); i++) {
        Symbol parameter = ASTHelpers.getSymbol(method.getParameters().get(i));
        if (parameter != null) {
          bound.put(parameter, new Argument(args.get(i), frame));
        }
      }
      Frame inner = new Frame(ImmutableMap.copyOf(bound), helper.depth, helper.method);
      BodyOrigin[] origin = {BodyOrigin.NONE};
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitReturn(ReturnTree tree, Void unused) {
          if (tree.getExpression() != null) {
            BodyOrigin returned =
                ContentLengthGuards.guardsBefore(getCurrentPath(), index, state)
                    ? BodyOrigin.bounded("a content-length check in `" + inner.method + "`")
                    : trace(tree.getExpression(), inner);
            origin[0] = BodyOrigin.eitherOf(origin[0], returned);
          }
          return null;
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
          return null; // its returns are the lambda's, not the method's
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
          return null;
        }
      }.scan(declaration, null);
      return origin[0].kind() == BodyOrigin.Kind.NONE ? BodyOrigin.UNKNOWN : origin[0];
    }

    private boolean isRequestBodyParameter(VarSymbol parameter, MethodSymbol method) {
      if (!isSubtypeOfAny(parameter.type, List.of("java.io.InputStream", "java.io.Reader"), state)
          || BODY_PARAMETER_HANDLERS.stream()
              .noneMatch(annotation -> ASTHelpers.hasAnnotation(method, annotation, state))) {
        return false;
      }
      // JAX-RS passes the entity to the one unannotated parameter; Spring also takes @RequestBody.
      return parameter.getAnnotationMirrors().stream()
          .allMatch(mirror -> mirror.getAnnotationType().toString().equals(SPRING_REQUEST_BODY));
    }

    private boolean isBoundedBuilder(MethodInvocationTree call) {
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

    /** {@code file.toURI()}, {@code path.toUri()}: a URI of local content. */
    private boolean isLocalUri(
        MethodInvocationTree call, String name, @Nullable ExpressionTree receiver) {
      return (name.equals("toURI") || name.equals("toUri") || name.equals("toURL"))
          && receiver != null
          && isSubtypeOfAny(
              ASTHelpers.getType(receiver), List.of("java.io.File", "java.nio.file.Path"), state)
          && call.getArguments().isEmpty();
    }

    private boolean isJarConnection(@Nullable Type type) {
      return isSubtypeOfAny(type, List.of("java.net.JarURLConnection"), state);
    }

    private boolean anyCarrier(List<? extends ExpressionTree> args) {
      return args.stream().anyMatch(arg -> isCarrier(ASTHelpers.getType(arg), state));
    }

    private boolean anyUrl(List<? extends ExpressionTree> args) {
      return args.stream()
          .anyMatch(
              arg -> isSubtypeOfAny(ASTHelpers.getType(arg), URL_OR_URI_OR_CONNECTION, state));
    }

    private @Nullable Frame deeper(Frame frame, String method) {
      return frame.depth >= MAX_DEPTH
          ? null
          : new Frame(ImmutableMap.of(), frame.depth + 1, method.isEmpty() ? frame.method : method);
    }

    private BodyOrigin network(String source, Frame frame) {
      return BodyOrigin.network(
          frame.method.isEmpty() ? source : source + " in `" + frame.method + "`");
    }
  }

  private static final ImmutableList<String> URI = ImmutableList.of("java.net.URI");
  private static final ImmutableList<String> URL_OR_URI =
      ImmutableList.of("java.net.URL", "java.net.URI");
  private static final ImmutableList<String> URL_OR_URI_OR_CONNECTION =
      ImmutableList.of("java.net.URL", "java.net.URI", "java.net.URLConnection");

  /**
   * Library lookups of bundled content: {@code getResource}, {@code getResources}, {@code
   * findResource}, {@code getResourceAsStream}, {@code ServletContext.getResource}... and OSGi's
   * {@code Bundle.getEntry}.
   */
  private static boolean isResourceLookup(String name) {
    return name.toLowerCase(Locale.ROOT).contains("resource")
        || name.equals("getEntry")
        || name.equals("findEntries");
  }

  /** A URL written as text: local when its visible scheme is {@code file:}, {@code jar:}... */
  private static BodyOrigin originOfUrlText(ExpressionTree text) {
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

  private static List<? extends ExpressionTree> arguments(Tree call) {
    if (call instanceof MethodInvocationTree invocation) {
      return invocation.getArguments();
    }
    return call instanceof NewClassTree newClass ? newClass.getArguments() : List.of();
  }

  private static String enclosingMethodName(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree method) {
        return method.getName().toString();
      }
    }
    return "";
  }

  /**
   * {@code HttpURLConnection.getInputStream()}: the receiver's type as the code declares it, and a
   * short argument as written ({@code Response.readEntity(InputStream.class)}).
   */
  private static String describe(ExpressionTree call, VisitorState state) {
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
