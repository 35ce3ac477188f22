package io.oomguard.checker.streams;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import io.oomguard.checker.OwnCode;
import io.oomguard.checker.PerCompilation;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The project's own stream helpers, summarized from their source (in any file of the module): a
 * method that returns the whole content of a stream parameter ({@code toByteArray(in)}, {@code
 * readString(in, charset)}), one that copies a stream parameter into an output parameter ({@code
 * copy(in, out)}), one that puts a serializer over an output parameter (a JSON generator, an {@code
 * ObjectOutputStream}), and one that feeds each line it reads to a callback parameter.
 *
 * <p>A call of such a helper then reads like a call of its library counterpart: {@code
 * toByteArray(body)} like {@code IOUtils.toByteArray(body)}, {@code copy(body, bytes)} like {@code
 * IOUtils.copy(body, bytes)}. Helpers are summarized through the helpers they call, a few levels
 * deep.
 */
public final class StreamHelpers {
  /**
   * What a method does with its parameters, by position.
   *
   * @param readsWhole parameters whose whole content the method returns
   * @param copies parameters copied whole into another parameter (from → to)
   * @param serializes output parameters a serializer writes into, with the serializer (its sink is
   *     the call's argument there)
   * @param lineConsumers callback parameters called for each line the method reads
   */
  record Summary(
      ImmutableSet<Integer> readsWhole,
      ImmutableMap<Integer, Integer> copies,
      ImmutableMap<Integer, Serializers.Serialization> serializes,
      ImmutableSet<Integer> lineConsumers) {
    static final Summary NONE =
        new Summary(ImmutableSet.of(), ImmutableMap.of(), ImmutableMap.of(), ImmutableSet.of());
  }

  /** Summaries of this compilation's methods; {@code null} while one is being worked out. */
  private static final PerCompilation<Map<MethodSymbol, @Nullable Summary>> SUMMARIES =
      new PerCompilation<>(HashMap::new);

  /**
   * How many helpers deep a summary looks through the helpers it calls: far more than real helper
   * chains, a guard against a stack overflow only. A helper deeper than that counts as no helper.
   */
  private static final int MAX_NESTING = 32;

  private static final ThreadLocal<int[]> NESTING = ThreadLocal.withInitial(() -> new int[1]);

  private StreamHelpers() {}

  /** Whether {@code method} returns the whole content of its parameter at {@code position}. */
  static boolean readsWhole(MethodSymbol method, int position, VisitorState state) {
    return summaryOf(method, state).readsWhole().contains(position);
  }

  /**
   * The output parameter {@code method} copies its parameter at {@code from} into, whole; empty
   * when it does not.
   */
  public static OptionalInt copyTarget(MethodSymbol method, int from, VisitorState state) {
    Integer to = summaryOf(method, state).copies().get(from);
    return to == null ? OptionalInt.empty() : OptionalInt.of(to);
  }

  /** The stream parameter {@code method} copies whole into its parameter at {@code to}, if any. */
  public static OptionalInt copySource(MethodSymbol method, int to, VisitorState state) {
    for (Map.Entry<Integer, Integer> copy : summaryOf(method, state).copies().entrySet()) {
      if (copy.getValue() == to) {
        return OptionalInt.of(copy.getKey());
      }
    }
    return OptionalInt.empty();
  }

  /** The serializer {@code method} puts over its parameter at {@code position}, if any. */
  static Serializers.@Nullable Serialization serializationInto(
      MethodSymbol method, int position, VisitorState state) {
    return summaryOf(method, state).serializes().get(position);
  }

  /** Whether {@code method} calls its callback parameter at {@code position} per line it reads. */
  public static boolean feedsLinesTo(MethodSymbol method, int position, VisitorState state) {
    return summaryOf(method, state).lineConsumers().contains(position);
  }

  static Summary summaryOf(MethodSymbol method, VisitorState state) {
    Map<MethodSymbol, @Nullable Summary> summaries = SUMMARIES.get(state);
    if (summaries.containsKey(method)) {
      Summary known = summaries.get(method);
      return known == null ? Summary.NONE : known; // recursion: assume nothing
    }
    if (!takesAStreamOrCallback(method, state)) {
      return Summary.NONE; // nothing a summary speaks of: asked of most calls, answered cheaply
    }
    int[] nesting = NESTING.get();
    if (nesting[0] >= MAX_NESTING) {
      return Summary.NONE;
    }
    TreePath declaration = CompiledSources.declarationOf(method, state);
    if (declaration == null) {
      return Summary.NONE;
    }
    summaries.put(method, null);
    nesting[0]++;
    Summary summary = Summary.NONE;
    try {
      summary = summarize(declaration, method, state);
    } finally {
      nesting[0]--;
      summaries.put(method, summary);
    }
    return summary;
  }

  private static Summary summarize(TreePath declaration, MethodSymbol method, VisitorState state) {
    SourceIndex index = SourceIndex.of(declaration.getCompilationUnit());
    Set<Integer> read = new LinkedHashSet<>();
    Map<Integer, Integer> copies = new LinkedHashMap<>();
    Map<Integer, Serializers.Serialization> serializes = new LinkedHashMap<>();
    Set<Integer> lineConsumers = new LinkedHashSet<>();
    new OwnCode.PathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        visitCall(call, call.getArguments());
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitNewClass(NewClassTree call, Void unused) {
        visitCall(call, call.getArguments());
        return super.visitNewClass(call, null);
      }

      private void visitCall(ExpressionTree call, List<? extends ExpressionTree> args) {
        TreePath path = getCurrentPath();
        if (call instanceof MethodInvocationTree invocation) {
          ExpressionTree input = WholeBodyReads.streamReadInput(invocation, path, index, state);
          int from = parameterOf(input);
          if (from >= 0) {
            read.add(from);
          }
          InMemoryBuffers.Copy copy = InMemoryBuffers.copyOf(invocation, state);
          if (copy == null) {
            copy = InMemoryBuffers.loopCopyOf(invocation, path, index, state);
          }
          if (copy != null) {
            int source = parameterOf(copy.source());
            int target = InMemoryBuffers.sinkParameter(copy.target(), method, index, state);
            if (source >= 0 && target >= 0) {
              copies.putIfAbsent(source, target);
            }
          }
          ExpressionTree consumer = InMemoryBuffers.lineConsumerOf(invocation, path, state);
          int callback = consumer == null ? -1 : calleeParameter(consumer);
          if (callback >= 0) {
            lineConsumers.add(callback);
          }
        }
        Serializers.Serialization serialization = Serializers.of(call, args, state);
        if (serialization != null) {
          int target = InMemoryBuffers.sinkParameter(serialization.sink(), method, index, state);
          if (target >= 0) {
            // A generator the helper keeps, or a serializer it runs on what it was given.
            serializes.putIfAbsent(target, serialization);
          }
        }
      }

      private int parameterOf(@Nullable ExpressionTree input) {
        if (input == null) {
          return -1;
        }
        BodyOrigin origin = BodyReadSources.originInHelper(input, method, index, state);
        return origin.kind() == BodyOrigin.Kind.PARAMETER ? origin.parameter() : -1;
      }

      private int calleeParameter(ExpressionTree tree) {
        return ASTHelpers.getSymbol(ASTHelpers.stripParentheses(tree))
                instanceof com.sun.tools.javac.code.Symbol.VarSymbol variable
            ? method.getParameters().indexOf(variable)
            : -1;
      }
    }.scan(new TreePath(declaration, ((MethodTree) declaration.getLeaf()).getBody()), null);
    if (!returnsContent(method, state)) {
      read.clear();
    }
    return new Summary(
        ImmutableSet.copyOf(read),
        ImmutableMap.copyOf(copies),
        ImmutableMap.copyOf(serializes),
        ImmutableSet.copyOf(lineConsumers));
  }

  /**
   * Whether the method has a parameter a summary can speak of: a stream, reader or other body
   * carrier, an output stream or writer, or a callback (a functional interface).
   */
  private static boolean takesAStreamOrCallback(MethodSymbol method, VisitorState state) {
    for (VarSymbol parameter : method.getParameters()) {
      Type type = parameter.type;
      if (type == null || type.isPrimitive()) {
        continue;
      }
      if (BodySources.isCarrier(type, state)
          || BodySources.isSubtypeOfAny(type, InMemoryBuffers.SINK_WRAPPERS, state)
          || state.getTypes().isFunctionalInterface(type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the method's result can be a whole content: bytes, characters, text, lines, or an
   * in-memory buffer.
   */
  private static boolean returnsContent(MethodSymbol method, VisitorState state) {
    Type result = method.getReturnType();
    if (result == null) {
      return false;
    }
    if (result.getTag() == TypeTag.ARRAY) {
      TypeTag element = state.getTypes().elemtype(result).getTag();
      return element == TypeTag.BYTE || element == TypeTag.CHAR;
    }
    return BodySources.isSubtypeOfAny(
            result, List.of("java.lang.CharSequence", "java.util.Collection"), state)
        || InMemoryBuffers.isBufferType(result, state);
  }
}
