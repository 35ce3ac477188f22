package io.oomguard.checker.hotpath;

import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Lazy initializers: a block that runs while a field is null and sets it ({@code if (pool == null)
 * { ...; pool = built; }}, also double-checked under a lock). It runs once, whatever calls it: what
 * it builds and what it calls is not per request or per item.
 */
final class LazyInitializers {
  private LazyInitializers() {}

  /** Whether {@code check}'s then-branch is a lazy initializer of the field its condition tests. */
  static boolean isLazyInitializer(IfTree check) {
    Symbol field = nullCheckedField(check.getCondition());
    return field != null && assigns(check.getThenStatement(), field);
  }

  /** The field {@code condition} compares with null ({@code x == null}), if any. */
  private static @Nullable Symbol nullCheckedField(ExpressionTree condition) {
    ExpressionTree tree = condition;
    while (tree instanceof ParenthesizedTree parens) {
      tree = parens.getExpression();
    }
    if (!(tree instanceof BinaryTree binary) || binary.getKind() != Tree.Kind.EQUAL_TO) {
      return null;
    }
    ExpressionTree other =
        binary.getLeftOperand().getKind() == Tree.Kind.NULL_LITERAL
            ? binary.getRightOperand()
            : binary.getRightOperand().getKind() == Tree.Kind.NULL_LITERAL
                ? binary.getLeftOperand()
                : null;
    Symbol symbol = other == null ? null : ASTHelpers.getSymbol(other);
    return symbol != null && symbol.getKind() == ElementKind.FIELD ? symbol : null;
  }

  private static boolean assigns(Tree block, Symbol field) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        found[0] |= field.equals(ASTHelpers.getSymbol(tree.getVariable()));
        return super.visitAssignment(tree, unused);
      }
    }.scan(block, null);
    return found[0];
  }
}
