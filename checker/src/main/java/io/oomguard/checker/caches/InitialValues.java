package io.oomguard.checker.caches;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.oomguard.checker.LastTreeMemo;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a field is given where its object or class is initialized: its initializer, and what
 * the constructors and initializer blocks of its class assign to it. For a final field these are
 * all its values (the compiler allows no other assignment); for any field they are some of the
 * values {@link FieldGrowth} collects by scanning the whole top-level class, found by reading a few
 * members instead.
 */
public final class InitialValues {
  private InitialValues() {}

  /**
   * The initial values of the field declared at {@code fieldPath} (a {@link VariableTree} directly
   * in a class body), or empty when it is declared elsewhere.
   */
  public static ImmutableList<ExpressionTree> of(TreePath fieldPath, VisitorState state) {
    if (!(fieldPath.getLeaf() instanceof VariableTree declaration)
        || fieldPath.getParentPath() == null
        || !(fieldPath.getParentPath().getLeaf() instanceof ClassTree)) {
      return ImmutableList.of();
    }
    VarSymbol field = ASTHelpers.getSymbol(declaration);
    ImmutableList.Builder<ExpressionTree> values = ImmutableList.builder();
    if (declaration.getInitializer() != null) {
      values.add(declaration.getInitializer());
    }
    if (field != null) {
      values.addAll(
          LAST_CLASS
              .get(fieldPath.getParentPath(), state, InitialValues::assignedWhileInitializing)
              .getOrDefault(field, List.of()));
    }
    return values.build();
  }

  /**
   * What the constructors and initializer blocks of the last class asked about assign to each
   * variable: the checks ask field after field of one class, so its members are read once, not once
   * per field.
   */
  private static final LastTreeMemo<Map<Symbol, List<ExpressionTree>>> LAST_CLASS =
      new LastTreeMemo<>();

  private static Map<Symbol, List<ExpressionTree>> assignedWhileInitializing(
      TreePath owner, VisitorState unused) {
    Map<Symbol, List<ExpressionTree>> byVariable = new IdentityHashMap<>();
    TreeScanner<Void, Void> assignments =
        new TreeScanner<>() {
          @Override
          public Void visitAssignment(AssignmentTree assignment, Void unused) {
            Symbol variable = ASTHelpers.getSymbol(assignment.getVariable());
            if (variable != null) {
              byVariable
                  .computeIfAbsent(variable, v -> new ArrayList<>())
                  .add(assignment.getExpression());
            }
            return super.visitAssignment(assignment, unused);
          }
        };
    for (Tree member : ((ClassTree) owner.getLeaf()).getMembers()) {
      boolean initializes =
          member instanceof BlockTree
              || (member instanceof MethodTree method
                  && ASTHelpers.getSymbol(method) != null
                  && ASTHelpers.getSymbol(method).isConstructor());
      if (initializes) {
        assignments.scan(member, null);
      }
    }
    return byVariable;
  }
}
