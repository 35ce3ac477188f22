package io.oomguard.checker.collections;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.oomguard.checker.hotpath.Loops;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/** Where a freshly created object lands in a local variable, and where that variable is used. */
public final class LocalVariables {
  /** One use of a local variable: the identifier's path, and whether it repeats per iteration. */
  public record Use(TreePath path, boolean perIteration) {
    /** The tree that directly contains the identifier. */
    public Tree parent() {
      return path.getParentPath().getLeaf();
    }
  }

  private LocalVariables() {}

  /**
   * The local variable that the expression at {@code path} initializes or is assigned to, looking
   * through parentheses and casts; empty for fields, arguments, returns and anything else.
   */
  public static Optional<VarSymbol> assignedLocal(TreePath path) {
    TreePath current = path;
    while (current.getParentPath() != null
        && (current.getParentPath().getLeaf() instanceof ParenthesizedTree
            || current.getParentPath().getLeaf() instanceof TypeCastTree)) {
      current = current.getParentPath();
    }
    Tree parent = current.getParentPath() == null ? null : current.getParentPath().getLeaf();
    Symbol symbol = null;
    if (parent instanceof VariableTree variable && variable.getInitializer() == current.getLeaf()) {
      symbol = ASTHelpers.getSymbol(variable);
    } else if (parent instanceof AssignmentTree assignment
        && assignment.getExpression() == current.getLeaf()
        && assignment.getVariable() instanceof IdentifierTree) {
      symbol = ASTHelpers.getSymbol(assignment.getVariable());
    }
    return symbol instanceof VarSymbol variable && isLocal(variable)
        ? Optional.of(variable)
        : Optional.empty();
  }

  /** Whether the symbol is a local variable (not a field, not a parameter). */
  public static boolean isLocal(Symbol symbol) {
    return symbol instanceof VarSymbol
        && (symbol.getKind() == ElementKind.LOCAL_VARIABLE
            || symbol.getKind() == ElementKind.RESOURCE_VARIABLE);
  }

  /**
   * Every use of {@code variable} in the body that declares it (the enclosing method or lambda),
   * with whether the use runs once per iteration of a loop that does not also contain {@code
   * creation}, the path of the expression that created the object.
   */
  public static List<Use> usesAfter(TreePath creation, VarSymbol variable, VisitorState state) {
    return Collections.unmodifiableList(scanUses(creation, variable, state));
  }

  private static List<Use> scanUses(TreePath creation, VarSymbol variable, VisitorState state) {
    TreePath body = enclosingBody(creation);
    List<Use> uses = new ArrayList<>();
    if (body == null) {
      return uses;
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        // `list = new ArrayList<>(field)` writes the variable; that is no use of its value.
        if (variable.equals(ASTHelpers.getSymbol(tree)) && !isAssignmentTarget(getCurrentPath())) {
          uses.add(new Use(getCurrentPath(), repeatsRelativeTo(getCurrentPath(), creation, state)));
        }
        return null;
      }
    }.scan(body, null);
    return uses;
  }

  private static boolean isAssignmentTarget(TreePath identifier) {
    return identifier.getParentPath().getLeaf() instanceof AssignmentTree assignment
        && assignment.getVariable() == identifier.getLeaf();
  }

  /**
   * Whether {@code use} sits in a loop (or per-element lambda) that does not enclose {@code
   * anchor}.
   */
  public static boolean repeatsRelativeTo(TreePath use, TreePath anchor, VisitorState state) {
    Tree child = null;
    for (TreePath current = use; current != null; current = current.getParentPath()) {
      if (encloses(current, anchor)) {
        return false;
      }
      if (child != null && Loops.runsPerIteration(current.getLeaf(), child, state)) {
        return true;
      }
      child = current.getLeaf();
    }
    return false;
  }

  private static boolean encloses(TreePath candidate, TreePath anchor) {
    for (TreePath current = anchor; current != null; current = current.getParentPath()) {
      if (current.getLeaf() == candidate.getLeaf()) {
        return true;
      }
    }
    return false;
  }

  /** The body of the innermost method or lambda around {@code path}. */
  public static TreePath enclosingBody(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof MethodTree method && method.getBody() != null) {
        return new TreePath(current, method.getBody());
      }
      if (leaf instanceof LambdaExpressionTree lambda) {
        return new TreePath(current, lambda.getBody());
      }
      if (leaf instanceof BlockTree
          && current.getParentPath() != null
          && current.getParentPath().getLeaf() instanceof com.sun.source.tree.ClassTree) {
        return current; // an initializer block
      }
    }
    return null;
  }

  /** The expression with parentheses removed. */
  public static ExpressionTree skipParens(ExpressionTree tree) {
    ExpressionTree current = tree;
    while (current instanceof ParenthesizedTree parens) {
      current = parens.getExpression();
    }
    return current;
  }
}
