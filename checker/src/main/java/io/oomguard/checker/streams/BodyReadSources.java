package io.oomguard.checker.streams;

import static io.oomguard.checker.streams.BodySources.CARRIERS;
import static io.oomguard.checker.streams.BodySources.COMMONS_BOUNDED;
import static io.oomguard.checker.streams.BodySources.GUAVA_LIMIT;
import static io.oomguard.checker.streams.BodySources.NETWORK_BODY;
import static io.oomguard.checker.streams.BodySources.OKHTTP_PEEK_BODY;
import static io.oomguard.checker.streams.BodySources.TYPED_BODY;
import static io.oomguard.checker.streams.BodySources.URI;
import static io.oomguard.checker.streams.BodySources.URL_CONNECTION_STREAM;
import static io.oomguard.checker.streams.BodySources.URL_OPEN_CONNECTION;
import static io.oomguard.checker.streams.BodySources.URL_OPEN_STREAM;
import static io.oomguard.checker.streams.BodySources.URL_OR_URI;
import static io.oomguard.checker.streams.BodySources.URL_OR_URI_OR_CONNECTION;
import static io.oomguard.checker.streams.BodySources.describe;
import static io.oomguard.checker.streams.BodySources.isBoundedBuilder;
import static io.oomguard.checker.streams.BodySources.isCarrier;
import static io.oomguard.checker.streams.BodySources.isEffectivelyUnlimited;
import static io.oomguard.checker.streams.BodySources.isJarConnection;
import static io.oomguard.checker.streams.BodySources.isLocalContent;
import static io.oomguard.checker.streams.BodySources.isRequestBodyParameter;
import static io.oomguard.checker.streams.BodySources.isResourceLookup;
import static io.oomguard.checker.streams.BodySources.isSubtypeOfAny;
import static io.oomguard.checker.streams.BodySources.originOfUrlText;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
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
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.oomguard.checker.OwnCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
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
  /** Methods that give a URL's text, scheme first. */
  private static final ImmutableSet<String> URL_TEXT =
      ImmutableSet.of("toExternalForm", "toString", "toASCIIString");

  /** How many helper methods deep (forward or back) the tracing follows a value. */
  private static final int MAX_DEPTH = 4;

  /** An upper bound on the work spent on one question, so no file can make it slow. */
  private static final int MAX_STEPS = 400;

  private BodyReadSources() {}

  /**
   * The origin of {@code body}, an expression inside the code at {@code state.getPath()}.
   *
   * <p>Whatever it cannot follow (a parameter no caller in the file passes, an unknown method's
   * result) is {@link BodyOrigin.Kind#UNKNOWN}.
   */
  public static BodyOrigin originOf(ExpressionTree body, VisitorState state) {
    return originOf(body, SourceIndex.of(state.getPath().getCompilationUnit()), state);
  }

  static BodyOrigin originOf(ExpressionTree body, SourceIndex index, VisitorState state) {
    return new Tracer(state, null, false).trace(body, Frame.root(index));
  }

  /**
   * The origin of {@code body}, the input of a whole read, as the body-read check judges it: a
   * parameter of a helper that returns that parameter's whole content is {@link
   * BodyOrigin.Kind#UNKNOWN} there, since each call of the helper is the read, reported where the
   * body is handed to it.
   */
  static BodyOrigin originOfReadInput(ExpressionTree body, SourceIndex index, VisitorState state) {
    return new Tracer(state, null, true).trace(body, Frame.root(index));
  }

  /**
   * The origin of {@code body}, an expression inside {@code helper}, with the helper's own
   * parameters left as {@link BodyOrigin.Kind#PARAMETER}: what {@link StreamHelpers} summarizes.
   */
  static BodyOrigin originInHelper(
      ExpressionTree body, MethodSymbol helper, SourceIndex index, VisitorState state) {
    return new Tracer(state, helper, true).trace(body, Frame.root(index));
  }

  /**
   * The helper-method context a value is traced in: the caller's arguments bound to the helper's
   * parameters (forward into a helper that returns a stream), or none (the method of the read, a
   * caller reached backwards, a field's initializer).
   */
  private static final class Frame {
    final ImmutableMap<Symbol, Argument> arguments;
    final int depth;

    /** The method this frame traces in, when it is not the method of the read. */
    final String method;

    /** The file the frame's code is in. */
    final SourceIndex index;

    Frame(ImmutableMap<Symbol, Argument> arguments, int depth, String method, SourceIndex index) {
      this.arguments = arguments;
      this.depth = depth;
      this.method = method;
      this.index = index;
    }

    static Frame root(SourceIndex index) {
      return new Frame(ImmutableMap.of(), 0, "", index);
    }
  }

  private record Argument(ExpressionTree value, Frame frame) {}

  private record Visit(Symbol variable, Frame frame) {
    // Written out: a record's own equals and hashCode are linked on first use (an invokedynamic
    // bootstrap), which in a cold compiler costs more than all the calls after it. Both
    // components compare by identity.
    @Override
    public boolean equals(Object other) {
      return other instanceof Visit visit && visit.variable == variable && visit.frame == frame;
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(variable) + System.identityHashCode(frame);
    }
  }

  private static final class Tracer {
    private final VisitorState state;

    /** The helper being summarized, whose parameters are left as they are; null otherwise. */
    private final @Nullable MethodSymbol helper;

    /** Whether a parameter of a whole-read helper stops the trace (see originOfReadInput). */
    private final boolean stopAtWholeReadHelpers;

    private final Set<Visit> visiting = new HashSet<>();
    private int steps;

    Tracer(VisitorState state, @Nullable MethodSymbol helper, boolean stopAtWholeReadHelpers) {
      this.state = state;
      this.helper = helper;
      this.stopAtWholeReadHelpers = stopAtWholeReadHelpers;
    }

    BodyOrigin trace(@Nullable ExpressionTree tree, Frame frame) {
      if (tree == null || ++steps > MAX_STEPS) {
        return BodyOrigin.UNKNOWN;
      }
      tree = ASTHelpers.stripParentheses(tree);
      if (tree instanceof TypeCastTree cast) {
        return isJarConnection(ASTHelpers.getType(cast), state)
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
        if (isJarConnection(ASTHelpers.getType(receiver), state)) {
          return BodyOrigin.LOCAL;
        }
        BodyOrigin target = trace(receiver, frame);
        if (target.kind() == BodyOrigin.Kind.LOCAL) {
          return target;
        }
        String source = describe(call, state);
        return target.kind() == BodyOrigin.Kind.NETWORK && !target.presumed()
            ? network(source, frame)
            : presumedNetwork(source, frame);
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
      if (isBoundedBuilder(call, state)) {
        return BodyOrigin.bounded("`BoundedInputStream`");
      }
      if (isLocalContent(call, state)) {
        return BodyOrigin.LOCAL;
      }
      TreePath declaration = frame.index.declarationOf(method);
      if (declaration == null) {
        declaration = CompiledSources.declarationOf(method, state);
      }
      if (declaration != null) {
        return traceReturns(declaration, args, frame);
      }
      if (isCarrier(ASTHelpers.getType(call), state)
          && !isResourceLookup(name)
          && CompiledSources.unitOf(method, state) != null) {
        // An interface or abstract method of the module: what its implementations return.
        List<MethodSymbol> overriders = CompiledSources.overridersOf(method, state);
        if (!overriders.isEmpty()) {
          BodyOrigin origin = BodyOrigin.NONE;
          for (MethodSymbol overrider : overriders) {
            TreePath implementation = CompiledSources.declarationOf(overrider, state);
            if (implementation != null) {
              BodyOrigin returned = traceReturns(implementation, args, frame);
              // An implementation that only presumes a URL remote does not make the call a body:
              // implementations of a resource type often serve class-path or file URLs.
              origin =
                  BodyOrigin.eitherOf(origin, returned.presumed() ? BodyOrigin.UNKNOWN : returned);
            }
          }
          if (origin.kind() != BodyOrigin.Kind.NONE) {
            return origin;
          }
        }
      }
      if (isResourceLookup(name)) {
        return BodyOrigin.BUNDLED;
      }
      Type result = ASTHelpers.getType(call);
      if (name.equals("create") && isSubtypeOfAny(result, URI, state)) {
        return args.isEmpty() ? BodyOrigin.UNKNOWN : traceUrlText(args.get(0), frame);
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
            : traceUrlText(first, frame);
      }
      MethodSymbol constructor = ASTHelpers.getSymbol(newClass);
      if (constructor == null) {
        return BodyOrigin.UNKNOWN;
      }
      if (constructor.owner instanceof ClassSymbol wrapper
          && anyCarrier(args)
          && LimitingStreams.isLimiting(wrapper, state)) {
        return BodyOrigin.bounded("`" + wrapper.getSimpleName() + "`");
      }
      BodyOrigin wrapped = throughWrapper(constructor, type, null, args, frame);
      // A new stream over no other stream (a byte array, a file) is local content.
      return wrapped.kind() == BodyOrigin.Kind.UNKNOWN && !anyCarrier(args)
          ? BodyOrigin.LOCAL
          : wrapped;
    }

    /**
     * A URL written as text: local when its visible scheme is local ({@code file:}, {@code jar:}),
     * or when the text starts with the text of a URL that is itself local, as in {@code new
     * URI(jarUrl.toExternalForm() + path)} with {@code jarUrl} a class-path or webapp resource
     * (through local {@code String} variables too): the scheme comes from that URL.
     */
    private BodyOrigin traceUrlText(ExpressionTree text, Frame frame) {
      SourceIndex index = frame.index;
      BodyOrigin written = originOfUrlText(text);
      if (written.kind() != BodyOrigin.Kind.UNKNOWN || ++steps > MAX_STEPS) {
        return written;
      }
      ExpressionTree head = ASTHelpers.stripParentheses(text);
      while (head instanceof BinaryTree concat && concat.getKind() == Tree.Kind.PLUS) {
        head = ASTHelpers.stripParentheses(concat.getLeftOperand());
      }
      if (head instanceof MethodInvocationTree call) {
        MethodSymbol method = ASTHelpers.getSymbol(call);
        ExpressionTree receiver = ASTHelpers.getReceiver(call);
        boolean urlText =
            method != null
                && receiver != null
                && call.getArguments().isEmpty()
                && URL_TEXT.contains(method.getSimpleName().toString())
                && isSubtypeOfAny(ASTHelpers.getType(receiver), URL_OR_URI, state);
        return urlText && trace(receiver, frame).kind() == BodyOrigin.Kind.LOCAL
            ? BodyOrigin.LOCAL
            : BodyOrigin.UNKNOWN;
      }
      if (ASTHelpers.getSymbol(head) instanceof VarSymbol variable
          && variable.getKind() == ElementKind.LOCAL_VARIABLE) {
        List<ExpressionTree> values = index.valuesOf(variable);
        BodyOrigin origin = BodyOrigin.NONE;
        for (ExpressionTree value : values) {
          origin = BodyOrigin.eitherOf(origin, traceUrlText(value, frame));
        }
        return values.isEmpty() ? BodyOrigin.UNKNOWN : origin;
      }
      return BodyOrigin.UNKNOWN;
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
        case FIELD -> traceValues(variable, deeper(frame, "", indexOf(variable, frame)));
        default -> BodyOrigin.UNKNOWN;
      };
    }

    /** The index of the file that declares {@code symbol}: the frame's, or another ready one. */
    private @Nullable SourceIndex indexOf(Symbol symbol, Frame frame) {
      CompilationUnitTree unit = CompiledSources.unitOf(symbol, state);
      if (unit == null || unit == frame.index.unit()) {
        return frame.index;
      }
      return SourceIndex.of(unit);
    }

    private BodyOrigin traceValues(VarSymbol variable, @Nullable Frame frame) {
      if (frame == null) {
        return BodyOrigin.UNKNOWN;
      }
      List<ExpressionTree> values = frame.index.valuesOf(variable);
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
      if (!(parameter.owner instanceof MethodSymbol method) || method.type == null) {
        return BodyOrigin.UNKNOWN; // no method, or a lambda's placeholder owner with no type
      }
      int position = method.getParameters().indexOf(parameter);
      if (method == helper) {
        return position < 0 ? BodyOrigin.UNKNOWN : BodyOrigin.parameter(position);
      }
      if (isRequestBodyParameter(parameter, method, state)) {
        return network("the request body parameter `" + parameter.getSimpleName() + "`", frame);
      }
      if (position < 0 || (method.isVarArgs() && position == method.getParameters().size() - 1)) {
        return BodyOrigin.UNKNOWN;
      }
      if (stopAtWholeReadHelpers
          && helper == null
          && StreamHelpers.readsWhole(method, position, state)) {
        // A helper that returns the whole content of this parameter: each call of it is the read,
        // and reported there with what it is given.
        return BodyOrigin.UNKNOWN;
      }
      BodyOrigin origin = BodyOrigin.NONE;
      for (TreePath call : callers(method, frame)) {
        List<? extends ExpressionTree> args = arguments(call.getLeaf());
        SourceIndex callerIndex =
            call.getCompilationUnit() == frame.index.unit()
                ? frame.index
                : SourceIndex.of(call.getCompilationUnit());
        Frame caller = deeper(frame, enclosingMethodName(call), callerIndex);
        if (caller == null || position >= args.size()) {
          continue;
        }
        BodyOrigin passed =
            ContentLengthGuards.guardsBefore(call, callerIndex, state)
                ? BodyOrigin.bounded("a content-length check in `" + caller.method + "`")
                : trace(args.get(position), caller);
        origin = BodyOrigin.worstOf(origin, passed);
      }
      return origin.kind() == BodyOrigin.Kind.NONE ? BodyOrigin.UNKNOWN : origin;
    }

    /**
     * The calls of {@code method} in the frame's file, and, unless it is private, the calls in the
     * module's other files that hand it a stream (directly or through a method it overrides).
     */
    private List<TreePath> callers(MethodSymbol method, Frame frame) {
      List<TreePath> calls = new ArrayList<>(frame.index.callsOf(method));
      if (!method.isPrivate()) {
        Set<Tree> seen = new HashSet<>();
        calls.forEach(call -> seen.add(call.getLeaf()));
        for (TreePath call : CompiledSources.callsPassingCarriers(method, state)) {
          if (seen.add(call.getLeaf())) {
            calls.add(call);
          }
        }
      }
      return calls;
    }

    /** A same-file helper's result: what its return statements return, arguments bound. */
    private BodyOrigin traceReturns(
        TreePath declaration, List<? extends ExpressionTree> args, Frame frame) {
      MethodTree method = (MethodTree) declaration.getLeaf();
      SourceIndex helperIndex =
          declaration.getCompilationUnit() == frame.index.unit()
              ? frame.index
              : SourceIndex.of(declaration.getCompilationUnit());
      Frame helper = deeper(frame, method.getName().toString(), helperIndex);
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
      Frame inner =
          new Frame(ImmutableMap.copyOf(bound), helper.depth, helper.method, helper.index);
      BodyOrigin[] origin = {BodyOrigin.NONE};
      new OwnCode.PathScanner<Void, Void>() {
        @Override
        public Void visitReturn(ReturnTree tree, Void unused) {
          if (tree.getExpression() != null) {
            BodyOrigin returned =
                ContentLengthGuards.guardsBefore(getCurrentPath(), inner.index, state)
                    ? BodyOrigin.bounded("a content-length check in `" + inner.method + "`")
                    : trace(tree.getExpression(), inner);
            origin[0] = BodyOrigin.eitherOf(origin[0], returned);
          }
          return null;
        }
      }.scan(declaration, null);
      return origin[0].kind() == BodyOrigin.Kind.NONE ? BodyOrigin.UNKNOWN : origin[0];
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
      return deeper(frame, method, frame.index);
    }

    private @Nullable Frame deeper(Frame frame, String method, @Nullable SourceIndex index) {
      return frame.depth >= MAX_DEPTH || index == null
          ? null
          : new Frame(
              ImmutableMap.of(), frame.depth + 1, method.isEmpty() ? frame.method : method, index);
    }

    private BodyOrigin network(String source, Frame frame) {
      return BodyOrigin.network(
          frame.method.isEmpty() ? source : source + " in `" + frame.method + "`");
    }

    private BodyOrigin presumedNetwork(String source, Frame frame) {
      return BodyOrigin.presumedNetwork(
          frame.method.isEmpty() ? source : source + " in `" + frame.method + "`");
    }
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
}
