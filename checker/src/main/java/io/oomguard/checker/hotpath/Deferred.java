package io.oomguard.checker.hotpath;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Code that a method only creates, to be run later by someone else: a lambda, method reference or
 * anonymous class handed to an executor, a thread, a timer or a future's callback, passed to a
 * constructor (which keeps it), stored in a field, or returned. Its body is declared where it is
 * created, not called there: a loop that creates one task per item does not run the task's code per
 * iteration of that loop.
 *
 * <p>A function value used in any other way (called through a local variable, handed to an
 * iteration method such as {@code forEach}, passed to a method that may call it at once, like
 * {@code computeIfAbsent}) is not "only created".
 */
final class Deferred {
  /** Methods that keep a task to run it later, on another thread or when something completes. */
  private static final Matcher<ExpressionTree> HAND_OFF =
      anyOf(
          instanceMethod().onDescendantOf("java.util.concurrent.Executor"),
          instanceMethod().onDescendantOf("java.util.concurrent.CompletionStage"),
          staticMethod()
              .onClass("java.util.concurrent.CompletableFuture")
              .namedAnyOf("runAsync", "supplyAsync"),
          instanceMethod().onDescendantOf("java.util.Timer"),
          instanceMethod().onDescendantOf("java.util.concurrent.ThreadFactory").named("newThread"),
          instanceMethod()
              .onDescendantOf("java.lang.Thread.Builder")
              .namedAnyOf("start", "unstarted"),
          staticMethod().onClass("java.lang.Thread").named("startVirtualThread"),
          instanceMethod().onDescendantOf("org.springframework.scheduling.TaskScheduler"),
          instanceMethod()
              .onDescendantOf("com.google.common.util.concurrent.ListenableFuture")
              .named("addListener"),
          staticMethod().onClass("com.google.common.util.concurrent.Futures"),
          instanceMethod()
              .onDescendantOf("io.netty.util.concurrent.Future")
              .namedAnyOf("addListener", "addListeners"));

  private Deferred() {}

  /**
   * Whether the function value at {@code functional} (a lambda, a method reference or the creation
   * of an anonymous class) is only created here: handed off, kept, or returned, also through a
   * local variable whose every use is one of those.
   */
  static boolean onlyCreated(TreePath functional, VisitorState state) {
    TreePath path = valueSite(functional);
    Tree parent = path.getParentPath().getLeaf();
    Tree value = path.getLeaf();
    if (parent instanceof VariableTree variable && variable.getInitializer() == value) {
      return keptOrHandedOff(ASTHelpers.getSymbol(variable), path, state);
    }
    if (parent instanceof AssignmentTree assignment && assignment.getExpression() == value) {
      return keptOrHandedOff(ASTHelpers.getSymbol(assignment.getVariable()), path, state);
    }
    return handedOff(path, state);
  }

  /** A field keeps the value; a local does when every use of it hands the value off. */
  private static boolean keptOrHandedOff(
      @Nullable Symbol variable, TreePath site, VisitorState state) {
    if (variable == null) {
      return false;
    }
    if (variable.getKind() == ElementKind.FIELD) {
      return true;
    }
    if (variable.getKind() != ElementKind.LOCAL_VARIABLE) {
      return false;
    }
    TreePath body = enclosingBody(site.getParentPath());
    if (body == null) {
      return false;
    }
    int[] uses = {0};
    boolean[] other = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        if (variable.equals(ASTHelpers.getSymbol(node)) && !isAssignmentTarget(getCurrentPath())) {
          uses[0]++;
          other[0] |= !handedOff(valueSite(getCurrentPath()), state);
        }
        return null;
      }
    }.scan(body, null);
    return uses[0] > 0 && !other[0];
  }

  /** Returned, passed to a constructor or a hand-off method, or stored in a field. */
  private static boolean handedOff(TreePath path, VisitorState state) {
    Tree value = path.getLeaf();
    Tree parent = path.getParentPath().getLeaf();
    if (parent instanceof ReturnTree) {
      return true;
    }
    if (parent instanceof LambdaExpressionTree lambda) {
      return lambda.getBody() == value; // () -> new Runnable() {...}: returned by the lambda
    }
    if (parent instanceof NewClassTree newClass) {
      return newClass.getArguments().contains(value); // new Thread(task), new Wrapper(attribute)
    }
    if (parent instanceof MethodInvocationTree call) {
      return call.getArguments().contains(value) && HAND_OFF.matches(call, state);
    }
    if (parent instanceof AssignmentTree assignment && assignment.getExpression() == value) {
      Symbol target = ASTHelpers.getSymbol(assignment.getVariable());
      return target != null && target.getKind() == ElementKind.FIELD;
    }
    return false;
  }

  /** The outermost expression that carries the value: through parentheses, casts, {@code ?:}. */
  private static TreePath valueSite(TreePath path) {
    TreePath current = path;
    while (current.getParentPath() != null) {
      Tree parent = current.getParentPath().getLeaf();
      boolean carries =
          parent instanceof ParenthesizedTree
              || parent instanceof TypeCastTree
              || (parent instanceof ConditionalExpressionTree conditional
                  && conditional.getCondition() != current.getLeaf());
      if (!carries) {
        return current;
      }
      current = current.getParentPath();
    }
    return current;
  }

  private static boolean isAssignmentTarget(TreePath identifier) {
    return identifier.getParentPath().getLeaf() instanceof AssignmentTree assignment
        && assignment.getVariable() == identifier.getLeaf();
  }

  /** The body of the method or lambda declaring the local at {@code site}. */
  private static @Nullable TreePath enclosingBody(TreePath site) {
    for (TreePath current = site; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof MethodTree
          || current.getLeaf() instanceof LambdaExpressionTree) {
        return current;
      }
    }
    return null;
  }

  /** Whether {@code tree} is a function value: a lambda, method reference or anonymous class. */
  static boolean isFunctionValue(Tree tree) {
    return tree instanceof LambdaExpressionTree
        || tree instanceof MemberReferenceTree
        || (tree instanceof NewClassTree newClass && newClass.getClassBody() != null);
  }
}
