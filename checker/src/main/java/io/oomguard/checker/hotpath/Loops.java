package io.oomguard.checker.hotpath;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;

/**
 * Which children of a tree run once per iteration or per element; shared by the hot-path model and
 * checks that ask whether a use repeats.
 */
public final class Loops {

  /** Methods whose functional arguments run once per element. */
  private static final Matcher<ExpressionTree> ITERATION_METHOD =
      anyOf(
          anyOf(
              instanceMethod()
                  .onDescendantOf("java.util.stream.BaseStream")
                  .namedAnyOf(
                      "forEach",
                      "forEachOrdered",
                      "map",
                      "mapToObj",
                      "mapToInt",
                      "mapToLong",
                      "mapToDouble",
                      "flatMap",
                      "mapMulti",
                      "filter",
                      "peek",
                      "reduce",
                      "collect",
                      "anyMatch",
                      "allMatch",
                      "noneMatch",
                      "takeWhile",
                      "dropWhile"),
              instanceMethod().onDescendantOf("java.lang.Iterable").named("forEach"),
              instanceMethod().onDescendantOf("java.util.Iterator").named("forEachRemaining"),
              instanceMethod().onDescendantOf("java.util.Collection").named("removeIf"),
              instanceMethod().onDescendantOf("java.util.List").named("replaceAll"),
              instanceMethod().onDescendantOf("java.util.Map").namedAnyOf("forEach", "replaceAll")),
          staticMethod()
              .onClass("java.util.stream.Collectors")
              .namedAnyOf(
                  "toMap",
                  "toConcurrentMap",
                  "toUnmodifiableMap",
                  "groupingBy",
                  "groupingByConcurrent",
                  "partitioningBy",
                  "mapping",
                  "flatMapping",
                  "filtering",
                  "reducing"));

  private Loops() {}

  /**
   * Whether {@code child}, a direct child of {@code parent}, runs once per iteration: a loop's
   * body, condition or update, or a lambda, method reference or anonymous class handed to an
   * iteration method such as {@code forEach} or {@code map}.
   */
  public static boolean runsPerIteration(Tree parent, Tree child, VisitorState state) {
    // Asked for every node of every class the hot-path model scans: one switch on the kind, not
    // a test against each loop interface.
    return switch (parent.getKind()) {
      case FOR_LOOP -> {
        ForLoopTree loop = (ForLoopTree) parent;
        yield child == loop.getStatement()
            || child == loop.getCondition()
            || loop.getUpdate().contains(child);
      }
      case ENHANCED_FOR_LOOP -> child == ((EnhancedForLoopTree) parent).getStatement();
      case WHILE_LOOP -> {
        WhileLoopTree loop = (WhileLoopTree) parent;
        yield child == loop.getStatement() || child == loop.getCondition();
      }
      case DO_WHILE_LOOP -> {
        DoWhileLoopTree loop = (DoWhileLoopTree) parent;
        yield child == loop.getStatement() || child == loop.getCondition();
      }
      case METHOD_INVOCATION -> {
        MethodInvocationTree call = (MethodInvocationTree) parent;
        yield isFunctional(child)
            && call.getArguments().contains(child)
            && ITERATION_METHOD.matches(call, state);
      }
      default -> false;
    };
  }

  /** The name of the iteration method when {@code parent} is one, for messages. */
  static String describeLoop(Tree parent) {
    if (parent instanceof MethodInvocationTree call) {
      ExpressionTree select = call.getMethodSelect();
      String name =
          select instanceof com.sun.source.tree.MemberSelectTree member
              ? member.getIdentifier().toString()
              : select.toString();
      return "inside a lambda run per element by `" + name + "`";
    }
    return "inside a loop";
  }

  private static boolean isFunctional(Tree tree) {
    return tree instanceof LambdaExpressionTree
        || tree instanceof MemberReferenceTree
        || (tree instanceof NewClassTree newClass && newClass.getClassBody() != null);
  }
}
