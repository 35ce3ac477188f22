package io.oomguard.checker.executors;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ElementKind;

/**
 * Follows a variable read back to the one value the variable ever holds, within the compilation
 * unit: a local's initializer or single assignment, or a final field's initializer or its single
 * assignment in a constructor; a {@code null} placeholder assigned besides it does not count. Lets
 * checks see that {@code new ThreadPoolExecutor(.., queue)} got {@code queue = new
 * LinkedBlockingQueue<>()} two lines earlier.
 */
public final class AssignedValues {
  /** Enough for `field = local = new X()` chains; guards against pathological cycles. */
  private static final int MAX_HOPS = 3;

  private AssignedValues() {}

  /**
   * The value {@code expression} evaluates to, seen through parentheses, casts and variables that
   * are assigned exactly once; {@code expression} itself (unwrapped) when that cannot be told.
   */
  public static ExpressionTree resolve(ExpressionTree expression, VisitorState state) {
    ExpressionTree current = unwrap(expression);
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      ExpressionTree next = singleAssignment(current, state);
      if (next == null) {
        return current;
      }
      current = unwrap(next);
    }
    return current;
  }

  /**
   * The one value assigned to the variable {@code read} reads, unwrapped, without following it
   * further; null when {@code read} is not such a variable.
   */
  public static ExpressionTree assignedOnce(ExpressionTree read, VisitorState state) {
    ExpressionTree value = singleAssignment(unwrap(read), state);
    return value == null ? null : unwrap(value);
  }

  private static ExpressionTree unwrap(ExpressionTree expression) {
    ExpressionTree current = expression;
    while (true) {
      if (current instanceof ParenthesizedTree parenthesized) {
        current = parenthesized.getExpression();
      } else if (current instanceof TypeCastTree cast) {
        current = cast.getExpression();
      } else {
        return current;
      }
    }
  }

  private static ExpressionTree singleAssignment(ExpressionTree read, VisitorState state) {
    if (!(read instanceof IdentifierTree) && !(read instanceof MemberSelectTree)) {
      return null;
    }
    Symbol symbol = ASTHelpers.getSymbol(read);
    if (!(symbol instanceof VarSymbol variable)) {
      return null;
    }
    boolean local = variable.getKind() == ElementKind.LOCAL_VARIABLE;
    boolean finalField =
        variable.getKind() == ElementKind.FIELD && ASTHelpers.isConsideredFinal(variable);
    if (!local && !finalField) {
      return null; // parameters, resources, mutable fields: the value comes from elsewhere
    }
    List<ExpressionTree> values = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (tree.getInitializer() != null && variable.equals(ASTHelpers.getSymbol(tree))) {
          values.add(tree.getInitializer());
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        if (variable.equals(ASTHelpers.getSymbol(tree.getVariable()))) {
          values.add(tree.getExpression());
        }
        return super.visitAssignment(tree, null);
      }
    }.scan(state.getPath().getCompilationUnit(), null);
    // `Thread t = null; ... t = new Thread(r);`: the null placeholder is not a value
    values.removeIf(value -> unwrap(value).getKind() == Tree.Kind.NULL_LITERAL);
    return values.size() == 1 ? values.get(0) : null;
  }

  /** Whether {@code tree} reads {@code variable} (a plain or {@code this.}-qualified name). */
  public static boolean reads(Tree tree, Symbol variable) {
    return (tree instanceof IdentifierTree || tree instanceof MemberSelectTree)
        && variable.equals(ASTHelpers.getSymbol(tree));
  }
}
