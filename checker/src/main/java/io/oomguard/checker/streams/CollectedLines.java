package io.oomguard.checker.streams;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * A stream of lines gathered into one value: {@code reader.lines().collect(joining("\n"))}, {@code
 * .toList()}, {@code .toArray()}, or a {@code java.net.http} {@code ofLines()} body collected the
 * same way. {@code forEach}, {@code count}, {@code anyMatch} and friends consume the lines one at a
 * time and are not matched; a {@code limit(n)} or {@code takeWhile} in the chain bounds it.
 */
final class CollectedLines {
  /**
   * A collected stream of lines.
   *
   * @param call the chain, as the message names it
   * @param input where the lines come from: the reader, or the {@code java.net.http} body call
   */
  record Read(String call, ExpressionTree input) {}

  private static final Matcher<ExpressionTree> GATHERING_TERMINALS =
      instanceMethod()
          .onDescendantOf("java.util.stream.Stream")
          .namedAnyOf("collect", "toList", "toArray", "reduce");
  private static final Matcher<ExpressionTree> GATHERING_COLLECTORS =
      staticMethod()
          .onClass("java.util.stream.Collectors")
          .namedAnyOf(
              "joining",
              "toList",
              "toSet",
              "toUnmodifiableList",
              "toUnmodifiableSet",
              "toCollection");
  private static final Matcher<ExpressionTree> READER_LINES =
      instanceMethod().onDescendantOf("java.io.BufferedReader").named("lines");
  private static final Matcher<ExpressionTree> JDK_RESPONSE_BODY =
      instanceMethod().onDescendantOf("java.net.http.HttpResponse").named("body");

  /** Steps that pass every line on (or drop some) without bounding how many arrive. */
  private static final ImmutableSet<String> PASS_THROUGH =
      ImmutableSet.of(
          "map",
          "filter",
          "peek",
          "sequential",
          "parallel",
          "unordered",
          "onClose",
          "skip",
          "distinct",
          "sorted",
          "flatMap",
          "dropWhile",
          "mapMulti");

  private static final Matcher<ExpressionTree> FILE_LINES =
      staticMethod().onClass("java.nio.file.Files").named("lines");

  private CollectedLines() {}

  /**
   * Whether {@code stream} is the lines of a reader or a file ({@code reader.lines()}, {@code
   * Files.lines(path)}), through steps that pass them on ({@code map}, {@code peek}...).
   */
  static boolean isLineStream(@Nullable ExpressionTree stream, VisitorState state) {
    return isLineStream(stream, null, state);
  }

  /** {@link #isLineStream(ExpressionTree, VisitorState)}, through a local holding the stream. */
  static boolean isLineStream(
      @Nullable ExpressionTree stream, @Nullable SourceIndex index, VisitorState state) {
    ExpressionTree link = stream == null ? null : ASTHelpers.stripParentheses(stream);
    if (index != null
        && link instanceof IdentifierTree
        && ASTHelpers.getSymbol(link) instanceof VarSymbol local
        && local.getKind() != ElementKind.FIELD
        && local.getKind() != ElementKind.PARAMETER) {
      return index.valuesOf(local).stream().anyMatch(value -> isLineStream(value, null, state));
    }
    while (link instanceof MethodInvocationTree step) {
      if (READER_LINES.matches(step, state) || FILE_LINES.matches(step, state)) {
        return true;
      }
      Symbol symbol = ASTHelpers.getSymbol(step);
      if (symbol == null || !PASS_THROUGH.contains(symbol.getSimpleName().toString())) {
        return false;
      }
      link = ASTHelpers.getReceiver(step);
    }
    return false;
  }

  static @Nullable Read of(MethodInvocationTree terminal, VisitorState state) {
    if (!GATHERING_TERMINALS.matches(terminal, state) || !gathersEverything(terminal, state)) {
      return null;
    }
    ExpressionTree link = ASTHelpers.getReceiver(terminal);
    while (link instanceof MethodInvocationTree step) {
      if (READER_LINES.matches(step, state)) {
        ExpressionTree reader = ASTHelpers.getReceiver(step);
        return reader == null ? null : new Read(describe(terminal), reader);
      }
      if (JDK_RESPONSE_BODY.matches(step, state)) {
        return new Read(describe(terminal), step);
      }
      Symbol symbol = ASTHelpers.getSymbol(step);
      if (symbol == null || !PASS_THROUGH.contains(symbol.getSimpleName().toString())) {
        return null; // limit(n), takeWhile(...), or a stream that does not come from a body
      }
      link = ASTHelpers.getReceiver(step);
    }
    return null;
  }

  private static boolean gathersEverything(MethodInvocationTree terminal, VisitorState state) {
    String name = ASTHelpers.getSymbol(terminal).getSimpleName().toString();
    return switch (name) {
      case "collect" ->
          terminal.getArguments().size() == 1
              && GATHERING_COLLECTORS.matches(terminal.getArguments().get(0), state);
      case "reduce" ->
          ASTHelpers.isSameType(ASTHelpers.getType(terminal), state.getSymtab().stringType, state);
      default -> true;
    };
  }

  private static String describe(MethodInvocationTree terminal) {
    String name = ASTHelpers.getSymbol(terminal).getSimpleName().toString();
    if (name.equals("collect")
        && terminal.getArguments().get(0) instanceof MethodInvocationTree collector) {
      Symbol symbol = ASTHelpers.getSymbol(collector);
      if (symbol != null) {
        return "`lines()` collected with `" + symbol.getSimpleName() + "(...)`";
      }
    }
    return "`lines()` gathered with `"
        + name
        + (terminal.getArguments().isEmpty() ? "()" : "(...)")
        + "`";
  }
}
