package io.oomguard.checker.streams;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.constructor;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Serializers that write into a stream or writer they are given: one call that writes one object
 * graph whole ({@code mapper.writeValue(out, value)}, {@code new ObjectOutputStream(out)}), or a
 * streaming writer left over it ({@code factory.createGenerator(out)}) that writes whatever it is
 * fed later; also the project's own methods and classes that put one over a parameter ({@link
 * StreamHelpers}).
 */
final class Serializers {
  /** Calls that write one object graph, whole, into a stream or writer passed to them. */
  private static final Matcher<ExpressionTree> ONE_SHOT_SERIALIZERS =
      anyOf(
          constructor().forClass("java.io.ObjectOutputStream"),
          instanceMethod()
              .onDescendantOfAny(
                  "com.fasterxml.jackson.databind.ObjectMapper",
                  "com.fasterxml.jackson.databind.ObjectWriter")
              .named("writeValue"),
          instanceMethod().onDescendantOf("com.google.gson.Gson").named("toJson"),
          instanceMethod()
              .onDescendantOfAny("javax.xml.bind.Marshaller", "jakarta.xml.bind.Marshaller")
              .named("marshal"),
          instanceMethod().onDescendantOf("javax.xml.transform.Transformer").named("transform"),
          staticMethod().onClass("javax.imageio.ImageIO").named("write"));

  /** Streaming writers created over a stream or writer: whatever is fed to them lands there. */
  private static final Matcher<ExpressionTree> GENERATORS =
      anyOf(
          instanceMethod()
              .onDescendantOf("com.fasterxml.jackson.core.JsonFactory")
              .namedAnyOf("createGenerator", "createJsonGenerator"),
          instanceMethod()
              .onDescendantOf("com.fasterxml.jackson.databind.ObjectMapper")
              .named("createGenerator"),
          constructor().forClass("com.google.gson.stream.JsonWriter"),
          instanceMethod()
              .onDescendantOf("javax.xml.stream.XMLOutputFactory")
              .named("createXMLStreamWriter"));

  /**
   * A serializer writing into a sink.
   *
   * @param sink the stream or writer it writes into
   * @param serializer its name, as a message names it ({@code ObjectMapper.writeValue})
   * @param streaming whether it is a streaming writer left over the sink (a JSON generator), which
   *     writes whatever it is fed later, rather than one call that writes one object graph
   */
  record Serialization(ExpressionTree sink, String serializer, boolean streaming) {}

  private Serializers() {}

  /** Whether {@code call} creates a library's streaming writer ({@code createGenerator(out)}). */
  static boolean isGenerator(ExpressionTree call, VisitorState state) {
    return GENERATORS.matches(call, state);
  }

  /**
   * The serializer {@code call} is, and the stream or writer it writes into: a library serializer
   * ({@code new ObjectOutputStream(out)}, {@code mapper.writeValue(out, value)}, {@code
   * factory.createGenerator(out)}, {@code gson.toJson(value, writer)}...) or a project method or
   * constructor that puts one over its parameter ({@link StreamHelpers}).
   */
  static @Nullable Serialization of(
      ExpressionTree call, List<? extends ExpressionTree> args, VisitorState state) {
    MethodSymbol method =
        call instanceof NewClassTree newClass
            ? ASTHelpers.getSymbol(newClass)
            : ASTHelpers.getSymbol((MethodInvocationTree) call);
    if (method == null || args.isEmpty()) {
      return null;
    }
    boolean streaming = GENERATORS.matches(call, state);
    if (streaming || ONE_SHOT_SERIALIZERS.matches(call, state)) {
      for (ExpressionTree arg : args) {
        if (BodySources.isSubtypeOfAny(
            ASTHelpers.getType(arg), InMemoryBuffers.SINK_WRAPPERS, state)) {
          return new Serialization(arg, ownerAndName(method), streaming);
        }
      }
      return null;
    }
    if (CompiledSources.unitOf(method, state) != null) {
      for (int i = 0; i < args.size(); i++) {
        Serialization inner = StreamHelpers.serializationInto(method, i, state);
        if (inner != null) {
          // What the helper does with the parameter is what this call does with the argument.
          return new Serialization(args.get(i), inner.serializer(), inner.streaming());
        }
      }
    }
    return null;
  }

  private static String ownerAndName(MethodSymbol method) {
    return method.isConstructor()
        ? "new " + method.owner.getSimpleName()
        : method.owner.getSimpleName() + "." + method.getSimpleName();
  }
}
