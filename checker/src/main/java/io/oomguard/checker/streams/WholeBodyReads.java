package io.oomguard.checker.streams;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.constructor;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The calls that materialize a whole HTTP body in memory, and whether a given one reads an
 * unbounded body.
 *
 * <p>Two families. Stream idioms ({@code readAllBytes()}, commons-io {@code IOUtils}, Guava {@code
 * ByteStreams}/{@code CharStreams}, Spring {@code StreamUtils}, {@code lines()} collected, a copy
 * into a {@code ByteArrayOutputStream}, a read loop appending to a buffer) are only a problem on a
 * network body, so their stream is traced with {@link BodyReadSources} and must be one. HTTP APIs
 * that return the whole body ({@code BodyHandlers.ofString}, OkHttp {@code string()}, {@code
 * EntityUtils}, {@code RestTemplate}/{@code RestClient}/JAX-RS asked for {@code String} or {@code
 * byte[]}, {@code MultipartFile.getBytes}) read one by definition, unless what they are given is
 * seen to be local or bounded (an entity built from a string, OkHttp {@code peekBody(max)}).
 */
public final class WholeBodyReads {
  /**
   * A whole-body read with no visible bound.
   *
   * @param call the reading call, as the message names it ({@code `readAllBytes()`})
   * @param subject what it reads ({@code the whole body of `HttpURLConnection.getInputStream()`})
   * @param advice what to do instead, for this API
   */
  public record WholeRead(String call, String subject, String advice) {}

  private static final String STREAM_ADVICE =
      "Stream it instead, or cap it (readNBytes(limit), BoundedInputStream, ByteStreams.limit,"
          + " or a Content-Length check that rejects large bodies first).";
  private static final String OKHTTP_ADVICE =
      "Stream body().byteStream() instead, or cap it (peekBody(limit), a limiting wrapper, or a"
          + " contentLength() check first).";
  private static final String ENTITY_ADVICE =
      "Stream entity.getContent() instead, or cap it (a limiting wrapper around it, or a"
          + " getContentLength() check first).";
  private static final String JDK_CLIENT_ADVICE =
      "Use BodyHandlers.ofInputStream() or ofLines() and stream it, or cap it with a limiting"
          + " wrapper.";
  private static final String SPRING_CLIENT_ADVICE =
      "Stream it (execute/exchange with a callback reading getBody()) or cap it; WebClient"
          + " bounds in-memory bodies by default.";
  private static final String JAXRS_ADVICE =
      "Read it as readEntity(InputStream.class) and stream it, or cap it (a limiting wrapper, or"
          + " a getLength() check first).";
  private static final String UPLOAD_ADVICE =
      "Stream it (transferTo, getInputStream()) or check getSize() against a limit first.";
  private static final String HTTPCLIENT3_ADVICE =
      "Stream getResponseBodyAsStream() instead, or cap it: getResponseBody(maxlen).";
  private static final String DATA_BUFFER_ADVICE =
      "Pass a limit: DataBufferUtils.join(body, maxBytes) fails with DataBufferLimitException past"
          + " it.";

  private static final Matcher<ExpressionTree> READ_ALL_BYTES =
      instanceMethod().onDescendantOf("java.io.InputStream").named("readAllBytes");
  private static final Matcher<ExpressionTree> READ_N_BYTES =
      instanceMethod().onDescendantOf("java.io.InputStream").named("readNBytes");
  private static final Matcher<ExpressionTree> SCANNER_DELIMITER =
      instanceMethod().onExactClass("java.util.Scanner").named("useDelimiter");
  private static final ImmutableSet<String> WHOLE_INPUT_DELIMITERS =
      ImmutableSet.of("\\A", "\\Z", "\\z");

  /** Static helpers that read their first argument (a stream, reader or URL) whole. */
  private static final Matcher<ExpressionTree> LIBRARY_WHOLE_READS =
      anyOf(
          staticMethod()
              .onClass("org.apache.commons.io.IOUtils")
              .namedAnyOf(
                  "toByteArray", "toString", "toCharArray", "readLines", "toBufferedInputStream"),
          staticMethod()
              .onClass("com.google.common.io.ByteStreams")
              .named("toByteArray")
              .withParameters("java.io.InputStream"),
          staticMethod()
              .onClass("com.google.common.io.CharStreams")
              .namedAnyOf("toString", "readLines")
              .withParameters("java.lang.Readable"),
          staticMethod()
              .onClassAny(
                  "org.springframework.util.StreamUtils", "org.springframework.util.FileCopyUtils")
              .namedAnyOf("copyToByteArray", "copyToString"));

  /** Guava's class-path resource readers: read whole, but flagged only for a network URL. */
  private static final Matcher<ExpressionTree> GUAVA_RESOURCES =
      staticMethod()
          .onClass("com.google.common.io.Resources")
          .namedAnyOf("toString", "toByteArray", "readLines");

  private static final Matcher<ExpressionTree> OKIO_WHOLE_READS =
      instanceMethod()
          .onDescendantOf("okio.BufferedSource")
          .namedAnyOf("readUtf8", "readByteArray", "readByteString", "readString");

  private static final Matcher<ExpressionTree> OKHTTP_WHOLE_BODY =
      instanceMethod()
          .onDescendantOf("okhttp3.ResponseBody")
          .namedAnyOf("string", "bytes", "byteString");
  private static final Matcher<ExpressionTree> ENTITY_UTILS =
      staticMethod()
          .onClassAny(
              "org.apache.http.util.EntityUtils", "org.apache.hc.core5.http.io.entity.EntityUtils")
          .namedAnyOf("toString", "toByteArray");

  /** Netty's aggregation of a whole HTTP message; its argument is the limit. */
  private static final Matcher<ExpressionTree> NETTY_AGGREGATOR =
      constructor().forClass("io.netty.handler.codec.http.HttpObjectAggregator");

  /** Jetty 12's whole-content readers of a request or response ({@code Content.Source}). */
  private static final Matcher<ExpressionTree> JETTY_WHOLE_CONTENT =
      staticMethod()
          .onClass("org.eclipse.jetty.io.Content.Source")
          .namedAnyOf("asString", "asByteBuffer", "asStringAsync", "asByteBufferAsync");

  private static final ImmutableList<String> JETTY_BODIES =
      ImmutableList.of("org.eclipse.jetty.server.Request", "org.eclipse.jetty.client.Response");

  private static final String AGGREGATOR_ADVICE =
      "Give it a real maxContentLength, or handle the HttpContent chunks as they arrive.";
  private static final String JETTY_ADVICE =
      "Read it as it arrives (Request.asInputStream, Content.Source.read()), or"
          + " read it through a limit.";

  private static final Matcher<ExpressionTree> APACHE_STRING_HANDLER =
      anyOf(
          constructor().forClass("org.apache.http.impl.client.BasicResponseHandler"),
          constructor()
              .forClass("org.apache.hc.client5.http.impl.classic.BasicHttpClientResponseHandler"));
  private static final Matcher<ExpressionTree> JDK_WHOLE_BODY_HANDLERS =
      staticMethod()
          .onClassAny(
              "java.net.http.HttpResponse.BodyHandlers",
              "java.net.http.HttpResponse.BodySubscribers")
          .namedAnyOf("ofString", "ofByteArray");
  private static final Matcher<ExpressionTree> SPRING_CLIENT_CALLS =
      anyOf(
          instanceMethod()
              .onDescendantOf("org.springframework.web.client.RestOperations")
              .namedAnyOf(
                  "getForObject",
                  "getForEntity",
                  "postForObject",
                  "postForEntity",
                  "patchForObject",
                  "exchange"),
          instanceMethod()
              .onDescendantOf("org.springframework.web.client.RestClient.ResponseSpec")
              .namedAnyOf("body", "toEntity"));
  private static final Matcher<ExpressionTree> JAXRS_CLIENT_CALLS =
      anyOf(
          instanceMethod()
              .onDescendantOfAny("javax.ws.rs.core.Response", "jakarta.ws.rs.core.Response")
              .named("readEntity"),
          instanceMethod()
              .onDescendantOfAny(
                  "javax.ws.rs.client.SyncInvoker", "jakarta.ws.rs.client.SyncInvoker")
              .namedAnyOf("get", "post", "put", "delete", "method", "options", "trace"),
          instanceMethod()
              .onDescendantOfAny("javax.ws.rs.client.Invocation", "jakarta.ws.rs.client.Invocation")
              .named("invoke"));
  private static final Matcher<ExpressionTree> UPLOAD_BYTES =
      instanceMethod()
          .onDescendantOf("org.springframework.web.multipart.MultipartFile")
          .named("getBytes");
  private static final Matcher<ExpressionTree> FILEUPLOAD_ITEM_CONTENT =
      instanceMethod()
          .onDescendantOfAny(
              "org.apache.commons.fileupload.FileItem", "org.apache.commons.fileupload2.FileItem")
          .namedAnyOf("get", "getString");

  /** Commons HttpClient 3's whole-body getters; their {@code (int maxlen)} forms are bounded. */
  private static final Matcher<ExpressionTree> HTTPCLIENT3_WHOLE_BODY =
      instanceMethod()
          .onDescendantOf("org.apache.commons.httpclient.HttpMethod")
          .namedAnyOf("getResponseBody", "getResponseBodyAsString")
          .withNoParameters();

  /** Spring's aggregation of a {@code DataBuffer} publisher into one buffer. */
  private static final Matcher<ExpressionTree> DATA_BUFFER_JOIN =
      staticMethod().onClass("org.springframework.core.io.buffer.DataBufferUtils").named("join");

  private static final ImmutableList<String> STREAMS_AND_READERS =
      ImmutableList.of("java.io.InputStream", "java.io.Reader", "java.lang.Readable");
  private static final ImmutableList<String> URL_LIKE =
      ImmutableList.of("java.net.URL", "java.net.URI", "java.net.URLConnection");
  private static final ImmutableList<String> RESPONSE_WRAPPERS =
      ImmutableList.of("org.springframework.http.HttpEntity");

  private WholeBodyReads() {}

  /** How the origin of a read's input decides whether the read is reported. */
  private enum Trust {
    /** A general-purpose read: reported only on a body traced to the network. */
    NETWORK_ONLY,
    /** An HTTP API: reported unless its input is seen to be local content or bounded. */
    UNLESS_LOCAL_OR_BOUNDED;

    boolean reports(BodyOrigin origin) {
      return switch (this) {
        case NETWORK_ONLY -> origin.kind() == BodyOrigin.Kind.NETWORK;
        case UNLESS_LOCAL_OR_BOUNDED ->
            origin.kind() == BodyOrigin.Kind.NETWORK || origin.kind() == BodyOrigin.Kind.UNKNOWN;
      };
    }
  }

  /**
   * A call that reads its input whole.
   *
   * @param subject what it reads, when the origin of the input does not name it better
   * @param namesInput whether {@code subject} already names the input (a URL), so that its origin
   *     adds nothing
   */
  private record Candidate(
      String call,
      @Nullable ExpressionTree input,
      Trust trust,
      String subject,
      boolean namesInput,
      String advice) {}

  /**
   * The whole-body read that {@code tree} (the leaf of {@code state.getPath()}) performs, if it
   * reads an HTTP body with no bound visible in its input. Content-length guards are judged
   * separately, by {@link ContentLengthGuards}.
   */
  public static Optional<WholeRead> unboundedRead(ExpressionTree tree, VisitorState state) {
    if (tree instanceof NewClassTree
        && !APACHE_STRING_HANDLER.matches(tree, state)
        && !NETTY_AGGREGATOR.matches(tree, state)) {
      return Optional.empty(); // most `new`s, before anything is allocated for them
    }
    // The file is indexed only when a candidate needs it.
    Supplier<SourceIndex> index =
        Suppliers.memoize(() -> SourceIndex.of(state.getPath().getCompilationUnit()));
    Candidate candidate = candidate(tree, index, state);
    if (candidate == null) {
      return Optional.empty();
    }
    BodyOrigin origin =
        candidate.input() == null
            ? BodyOrigin.UNKNOWN
            : BodyReadSources.originOfReadInput(candidate.input(), index.get(), state);
    if (!candidate.trust().reports(origin)) {
      return Optional.empty();
    }
    String subject =
        origin.kind() == BodyOrigin.Kind.NETWORK
                && !origin.description().isEmpty()
                && !candidate.namesInput()
            ? "the whole body of " + origin.description()
            : candidate.subject();
    return Optional.of(new WholeRead(candidate.call(), subject, candidate.advice()));
  }

  /**
   * The read {@code tree} may be, of a call or a {@code new} that {@link #unboundedRead} let
   * through.
   */
  private static @Nullable Candidate candidate(
      ExpressionTree tree, Supplier<SourceIndex> index, VisitorState state) {
    if (tree instanceof NewClassTree newClass && NETTY_AGGREGATOR.matches(newClass, state)) {
      List<? extends ExpressionTree> args = newClass.getArguments();
      return !args.isEmpty() && BodySources.isEffectivelyUnlimited(args.get(0))
          ? api(
              "`new HttpObjectAggregator(" + state.getSourceForNode(args.get(0)) + ")`",
              "every whole HTTP message of the channel",
              AGGREGATOR_ADVICE)
          : null;
    }
    if (tree instanceof NewClassTree newClass) {
      // unboundedRead let it through: it creates one of the basic response handlers.
      return api(
          "`new " + ASTHelpers.getType(newClass).tsym.getSimpleName() + "()`",
          "the whole Apache HttpClient response entity",
          "Use a response handler that streams entity.getContent() (through a limiting"
              + " wrapper if it must be buffered) instead.");
    }
    if (!(tree instanceof MethodInvocationTree call)) {
      return null;
    }
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null) {
      return null;
    }
    Candidate read = streamRead(call, method, state.getPath(), index, state);
    return read != null ? read : httpApiRead(call, method, state);
  }

  /**
   * The stream, reader or URL {@code call} (at {@code path}) reads whole, if it is one of the
   * stream idioms of a whole read; what it is is not traced.
   */
  static @Nullable ExpressionTree streamReadInput(
      MethodInvocationTree call, TreePath path, SourceIndex index, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null) {
      return null;
    }
    Candidate read = streamRead(call, method, path, () -> index, state);
    return read == null ? null : read.input();
  }

  private static @Nullable Candidate streamRead(
      MethodInvocationTree call,
      MethodSymbol method,
      TreePath path,
      Supplier<SourceIndex> index,
      VisitorState state) {
    List<? extends ExpressionTree> args = call.getArguments();
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (READ_ALL_BYTES.matches(call, state)) {
      return stream("`readAllBytes()`", receiver);
    }
    if (READ_N_BYTES.matches(call, state)
        && args.size() == 1
        && BodySources.isEffectivelyUnlimited(args.get(0))) {
      return stream("`readNBytes(" + state.getSourceForNode(args.get(0)) + ")`", receiver);
    }
    if (LIBRARY_WHOLE_READS.matches(call, state) && !args.isEmpty() && !hasSizeParameter(method)) {
      Type input = method.getParameters().get(0).type;
      if (BodySources.isSubtypeOfAny(input, URL_LIKE, state)) {
        return url(staticCall(method), args.get(0), Trust.UNLESS_LOCAL_OR_BOUNDED, state);
      }
      boolean streamInput =
          BodySources.isSubtypeOfAny(input, STREAMS_AND_READERS, state)
              || input.tsym.getSimpleName().contentEquals("IOSupplier");
      return streamInput ? stream(staticCall(method), args.get(0)) : null;
    }
    if (GUAVA_RESOURCES.matches(call, state) && args.size() <= 2 && !args.isEmpty()) {
      return url(staticCall(method), args.get(0), Trust.NETWORK_ONLY, state);
    }
    InMemoryBuffers.Copy copy = InMemoryBuffers.copyOf(call, state);
    if (copy != null) {
      String buffer = InMemoryBuffers.bufferName(copy.target(), index.get(), state, 0);
      return buffer == null ? null : stream(copy.call() + " into a " + buffer, copy.source());
    }
    if (SCANNER_DELIMITER.matches(call, state)
        && args.size() == 1
        && WHOLE_INPUT_DELIMITERS.contains(ASTHelpers.constValue(args.get(0), String.class))) {
      return stream(
          "`Scanner.useDelimiter(\""
              + ASTHelpers.constValue(args.get(0), String.class).replace("\\", "\\\\")
              + "\")`",
          receiver);
    }
    if (OKIO_WHOLE_READS.matches(call, state) && !hasLongParameter(method)) {
      return stream("`BufferedSource." + method.getSimpleName() + "()`", receiver);
    }
    CollectedLines.Read lines = CollectedLines.of(call, state);
    if (lines != null) {
      return stream(lines.call(), lines.input());
    }
    if (InMemoryBuffers.READ_NEXT.matches(call, state)) {
      return InMemoryBuffers.unboundedCopyLoop(path, index, state)
          .map(
              buffer ->
                  stream("a read loop appending everything it reads to a " + buffer, receiver))
          .orElse(null);
    }
    if (DATA_BUFFER_JOIN.matches(call, state)
        && !args.isEmpty()
        && (args.size() == 1 || BodySources.isEffectivelyUnlimited(args.get(1)))) {
      return new Candidate(
          staticCall(method),
          args.get(0),
          Trust.NETWORK_ONLY,
          "the whole body",
          false,
          DATA_BUFFER_ADVICE);
    }
    return helperRead(call, method, state);
  }

  /**
   * A call of the project's own helper that returns a stream argument's whole content ({@code
   * StreamUtil.readString(in, charset)}): read like its library counterparts.
   */
  private static @Nullable Candidate helperRead(
      MethodInvocationTree call, MethodSymbol method, VisitorState state) {
    List<? extends ExpressionTree> args = call.getArguments();
    if (args.isEmpty()
        || CompiledSources.unitOf(method, state) == null
        || method.getParameters().stream().noneMatch(p -> BodySources.isCarrier(p.type, state))) {
      return null;
    }
    for (int position = 0; position < args.size(); position++) {
      if (StreamHelpers.readsWhole(method, position, state)) {
        return stream(InMemoryBuffers.callName(method), args.get(position));
      }
    }
    return null;
  }

  private static @Nullable Candidate httpApiRead(
      MethodInvocationTree call, MethodSymbol method, VisitorState state) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    List<? extends ExpressionTree> args = call.getArguments();
    if (OKHTTP_WHOLE_BODY.matches(call, state)) {
      return new Candidate(
          "`ResponseBody." + method.getSimpleName() + "()`",
          receiver,
          Trust.UNLESS_LOCAL_OR_BOUNDED,
          "the whole OkHttp response body",
          false,
          OKHTTP_ADVICE);
    }
    if (ENTITY_UTILS.matches(call, state) && !args.isEmpty() && !hasSizeParameter(method)) {
      return new Candidate(
          staticCall(method),
          args.get(0),
          Trust.UNLESS_LOCAL_OR_BOUNDED,
          "the whole Apache HttpClient response entity",
          false,
          ENTITY_ADVICE);
    }
    if (JDK_WHOLE_BODY_HANDLERS.matches(call, state)) {
      return api(staticCall(method), "the whole java.net.http response body", JDK_CLIENT_ADVICE);
    }
    if (SPRING_CLIENT_CALLS.matches(call, state) && returnsWholeBody(call, state)) {
      return api(
          instanceCall(call, method) + " for a " + wholeBodyType(call, state),
          "the whole response body",
          SPRING_CLIENT_ADVICE);
    }
    if (JAXRS_CLIENT_CALLS.matches(call, state) && returnsWholeBody(call, state)) {
      return api(
          instanceCall(call, method) + " for a " + wholeBodyType(call, state),
          "the whole JAX-RS response entity",
          JAXRS_ADVICE);
    }
    if (UPLOAD_BYTES.matches(call, state)) {
      return api("`MultipartFile.getBytes()`", "the whole uploaded file", UPLOAD_ADVICE);
    }
    if (JETTY_WHOLE_CONTENT.matches(call, state)
        && !args.isEmpty()
        && !hasSizeParameter(method)
        && BodySources.isSubtypeOfAny(ASTHelpers.getType(args.get(0)), JETTY_BODIES, state)) {
      return api(staticCall(method), "the whole Jetty request or response content", JETTY_ADVICE);
    }
    if (FILEUPLOAD_ITEM_CONTENT.matches(call, state) && args.isEmpty()) {
      return api(instanceCall(call, method), "the whole uploaded file", UPLOAD_ADVICE);
    }
    if (HTTPCLIENT3_WHOLE_BODY.matches(call, state)) {
      return api(instanceCall(call, method), "the whole response body", HTTPCLIENT3_ADVICE);
    }
    return null;
  }

  private static Candidate stream(String call, @Nullable ExpressionTree input) {
    return new Candidate(call, input, Trust.NETWORK_ONLY, "the whole body", false, STREAM_ADVICE);
  }

  private static Candidate url(String call, ExpressionTree url, Trust trust, VisitorState state) {
    String subject = "the whole response from `" + state.getSourceForNode(url) + "`";
    return new Candidate(call, url, trust, subject, true, STREAM_ADVICE);
  }

  private static Candidate api(String call, String subject, String advice) {
    return new Candidate(call, null, Trust.UNLESS_LOCAL_OR_BOUNDED, subject, false, advice);
  }

  /** Whether the call returns a body as {@code String} or {@code byte[]}, bare or in an entity. */
  private static boolean returnsWholeBody(MethodInvocationTree call, VisitorState state) {
    return wholeBodyType(call, state) != null;
  }

  private static @Nullable String wholeBodyType(MethodInvocationTree call, VisitorState state) {
    Type type = ASTHelpers.getType(call);
    if (type != null
        && BodySources.isSubtypeOfAny(type, RESPONSE_WRAPPERS, state)
        && type.getTypeArguments().size() == 1) {
      type = type.getTypeArguments().get(0);
    }
    if (type == null) {
      return null;
    }
    if (ASTHelpers.isSameType(type, state.getSymtab().stringType, state)) {
      return "`String`";
    }
    boolean bytes =
        type.getTag() == TypeTag.ARRAY && state.getTypes().elemtype(type).getTag() == TypeTag.BYTE;
    return bytes ? "`byte[]`" : null;
  }

  /** A size argument ({@code toByteArray(in, size)}, {@code toString(entity, maxLength)}). */
  private static boolean hasSizeParameter(MethodSymbol method) {
    return method.getParameters().stream()
        .anyMatch(p -> p.type.getTag() == TypeTag.INT || p.type.getTag() == TypeTag.LONG);
  }

  /** An offset/length pair ({@code copyLarge(in, out, offset, length)}). */
  private static boolean hasLongParameter(MethodSymbol method) {
    return method.getParameters().stream().anyMatch(p -> p.type.getTag() == TypeTag.LONG);
  }

  private static String staticCall(MethodSymbol method) {
    return "`"
        + method.owner.getSimpleName()
        + "."
        + method.getSimpleName()
        + arguments(method)
        + "`";
  }

  private static String arguments(MethodSymbol method) {
    return method.getParameters().isEmpty() ? "()" : "(...)";
  }

  private static String instanceCall(MethodInvocationTree call, MethodSymbol method) {
    Type receiver = ASTHelpers.getReceiverType(call);
    Symbol owner = receiver != null && receiver.tsym != null ? receiver.tsym : method.owner;
    return "`" + owner.getSimpleName() + "." + method.getSimpleName() + arguments(method) + "`";
  }
}
