package io.oomguard.checker.caches;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.oomguard.checker.collections.CollectionMethods;
import org.jspecify.annotations.Nullable;

/**
 * How code around a collection bounds it: size comparisons, removal through a local view or
 * iterator, remapping functions that return {@code null}, {@code isEmpty()}-guarded fills. Used by
 * {@link FieldGrowth}'s scan.
 */
final class CollectionUses {
  private CollectionUses() {}

  /** Whether a local holding a view or iterator is removed through, e.g. {@code it.remove()}. */
  static boolean localIsShrunk(Symbol local, TreePath path) {
    Tree scope = enclosingCode(path);
    boolean[] shrunk = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        ExpressionTree receiver = ASTHelpers.getReceiver(node);
        if (receiver != null
            && local.equals(ASTHelpers.getSymbol(receiver))
            && CollectionMethods.REMOVING.contains(
                ASTHelpers.getSymbol(node).getSimpleName().toString())) {
          shrunk[0] = true;
        }
        return super.visitMethodInvocation(node, unused);
      }
    }.scan(scope, null);
    return shrunk[0];
  }

  /**
   * Whether {@code field.size()} at {@code sizePath} is compared with a limit: {@code map.size() <
   * MAX}, {@code map.size() + 1 > limit}, or through a local.
   */
  static boolean isSizeGuard(TreePath sizePath) {
    Tree child = sizePath.getLeaf();
    TreePath path = sizePath.getParentPath();
    for (int hops = 0; hops < 3 && path != null; hops++) {
      Tree parent = path.getLeaf();
      if (parent instanceof BinaryTree binary && isComparison(binary)) {
        ExpressionTree other =
            binary.getLeftOperand() == child ? binary.getRightOperand() : binary.getLeftOperand();
        return !isZeroOrOne(other);
      }
      if (parent instanceof VariableTree local) {
        return localIsCompared(ASTHelpers.getSymbol(local), path);
      }
      if (!(parent instanceof ParenthesizedTree || parent instanceof BinaryTree)) {
        return false;
      }
      child = parent;
      path = path.getParentPath();
    }
    return false;
  }

  static boolean localIsCompared(Symbol local, TreePath path) {
    boolean[] compared = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitBinary(BinaryTree node, Void unused) {
        if (isComparison(node)) {
          Symbol left = ASTHelpers.getSymbol(node.getLeftOperand());
          Symbol right = ASTHelpers.getSymbol(node.getRightOperand());
          if ((local.equals(left) && !isZeroOrOne(node.getRightOperand()))
              || (local.equals(right) && !isZeroOrOne(node.getLeftOperand()))) {
            compared[0] = true;
          }
        }
        return super.visitBinary(node, unused);
      }
    }.scan(enclosingCode(path), null);
    return compared[0];
  }

  /** Map and collection calls that look a key or element up. */
  private static final ImmutableSet<String> LOOKUPS =
      ImmutableSet.of("get", "getOrDefault", "containsKey", "contains", "containsValue");

  /**
   * Whether the method around the add at {@code growthPath} looks {@code field} up before it
   * (directly, or through a {@code ThreadLocal}'s {@code get()}): the get-then-put of a cache.
   */
  static boolean isLookedUpBefore(VarSymbol field, TreePath growthPath) {
    Tree code = enclosingCode(growthPath);
    int position = ASTHelpers.getStartPosition(growthPath.getLeaf());
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (ASTHelpers.getStartPosition(node) < position
            && LOOKUPS.contains(ASTHelpers.getSymbol(node).getSimpleName().toString())
            && isField(ASTHelpers.getReceiver(node))) {
          found[0] = true;
        }
        return super.visitMethodInvocation(node, unused);
      }

      private boolean isField(@Nullable ExpressionTree receiver) {
        ExpressionTree stripped = receiver == null ? null : ASTHelpers.stripParentheses(receiver);
        if (stripped instanceof MethodInvocationTree holderGet
            && ASTHelpers.getSymbol(holderGet).getSimpleName().contentEquals("get")
            && holderGet.getArguments().isEmpty()) {
          stripped = ASTHelpers.getReceiver(holderGet);
        }
        return stripped != null && field.equals(ASTHelpers.getSymbol(stripped));
      }
    }.scan(code, null);
    return found[0];
  }

  /** Growth inside {@code if (field.isEmpty())}: a lazy one-time fill. */
  static boolean isFillOnce(VarSymbol field, TreePath path) {
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
        return false;
      }
      if (leaf instanceof IfTree ifTree
          && ifTree.getThenStatement() == child
          && checksEmptiness(field, ifTree.getCondition())) {
        return true;
      }
      child = leaf;
    }
    return false;
  }

  static boolean checksEmptiness(VarSymbol field, ExpressionTree condition) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        ExpressionTree receiver = ASTHelpers.getReceiver(node);
        if (receiver != null
            && field.equals(ASTHelpers.getSymbol(receiver))
            && ASTHelpers.getSymbol(node).getSimpleName().contentEquals("isEmpty")) {
          found[0] = true;
        }
        return super.visitMethodInvocation(node, unused);
      }
    }.scan(condition, null);
    return found[0];
  }

  /**
   * Whether a remapping function can return {@code null}, e.g. {@code (k, v) -> v > 1 ? v - 1 :
   * null}.
   */
  static boolean canReturnNull(ExpressionTree argument) {
    if (!(argument instanceof LambdaExpressionTree lambda)) {
      return false;
    }
    boolean[] returnsNull = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        returnsNull[0] |= yieldsNull(node.getExpression());
        return super.visitReturn(node, unused);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        return node == lambda ? super.visitLambdaExpression(node, unused) : null;
      }
    }.scan(lambda, null);
    return returnsNull[0] || (lambda.getBody() instanceof ExpressionTree body && yieldsNull(body));
  }

  static boolean yieldsNull(@Nullable ExpressionTree expression) {
    ExpressionTree stripped = expression == null ? null : ASTHelpers.stripParentheses(expression);
    if (stripped instanceof ConditionalExpressionTree conditional) {
      return yieldsNull(conditional.getTrueExpression())
          || yieldsNull(conditional.getFalseExpression());
    }
    return stripped != null && stripped.getKind() == Tree.Kind.NULL_LITERAL;
  }

  static String location(TreePath path) {
    ClassTree enclosingClass = null;
    MethodTree enclosingMethod = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (enclosingMethod == null && p.getLeaf() instanceof MethodTree method) {
        enclosingMethod = method;
      }
      if (p.getLeaf() instanceof ClassTree type && !type.getSimpleName().isEmpty()) {
        enclosingClass = type;
        break;
      }
    }
    String className = enclosingClass == null ? "" : enclosingClass.getSimpleName().toString();
    if (enclosingMethod == null) {
      return "an initializer of `" + className + "`";
    }
    if (enclosingMethod.getName().contentEquals("<init>")) {
      return "the constructor of `" + className + "`";
    }
    return "`" + className + "." + enclosingMethod.getName() + "`";
  }

  static Tree enclosingCode(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof BlockTree) {
        if (p.getLeaf() instanceof MethodTree || p.getParentPath().getLeaf() instanceof ClassTree) {
          return p.getLeaf();
        }
      }
    }
    return path.getLeaf();
  }

  static boolean isComparison(BinaryTree binary) {
    return switch (binary.getKind()) {
      case LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN, GREATER_THAN_EQUAL, EQUAL_TO, NOT_EQUAL_TO ->
          true;
      default -> false;
    };
  }

  static boolean isZeroOrOne(ExpressionTree tree) {
    Object value = ASTHelpers.constValue(tree);
    return value instanceof Number number && (number.longValue() == 0 || number.longValue() == 1);
  }
}
