package io.oomguard.checker.collections;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.oomguard.checker.LastTreeMemo;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Tells data that outlives a request (fields, constants, configuration held in fields, and calls on
 * them with no request-derived argument) from data derived from the request (parameters and locals
 * computed from them), within one method or lambda body.
 */
public final class LongLivedData {
  /** Factories whose literal arguments make a small constant collection. */
  private static final ImmutableSet<String> CONSTANT_FACTORIES =
      ImmutableSet.of("of", "asList", "copyOf", "ofEntries", "entry", "singletonList", "singleton");

  private static final int SMALL_CONSTANT_SIZE = 16;
  private static final int MAX_DEPTH = 8;

  /** The analysis of the last body asked about: the checks ask about one body in turn. */
  private static final LastTreeMemo<LongLivedData> LAST = new LastTreeMemo<>();

  private final VisitorState state;
  private final Map<VarSymbol, ExpressionTree> initializers = new HashMap<>();
  private final Set<VarSymbol> reassigned = new HashSet<>();

  private LongLivedData(@Nullable TreePath body, VisitorState state) {
    this.state = state; // for its context only: the analysis is kept for other trees of the body
    if (body == null) {
      return;
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        VarSymbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null && tree.getInitializer() != null) {
          initializers.put(symbol, tree.getInitializer());
        }
        return super.visitVariable(tree, unused);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        markReassigned(tree.getVariable());
        return super.visitAssignment(tree, unused);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        markReassigned(tree.getVariable());
        return super.visitCompoundAssignment(tree, unused);
      }

      @Override
      public Void visitUnary(UnaryTree tree, Void unused) {
        markReassigned(tree.getExpression());
        return super.visitUnary(tree, unused);
      }

      private void markReassigned(ExpressionTree variable) {
        if (ASTHelpers.getSymbol(variable) instanceof VarSymbol symbol) {
          reassigned.add(symbol);
        }
      }
    }.scan(body, null);
  }

  /** The analysis for the method or lambda body around {@code path}. */
  public static LongLivedData around(TreePath path, VisitorState state) {
    TreePath body = LocalVariables.enclosingBody(path);
    // one scan of the body for every creation and copy in it
    return body == null
        ? new LongLivedData(null, state)
        : LAST.get(body, state, LongLivedData::new);
  }

  /**
   * Whether {@code expression} reads data that outlives the request: a field or constant, an
   * effectively final local initialized from one, or a call on such a receiver whose arguments are
   * long-lived too ({@code this.config.getIds()}, {@code catalog.entries(REGION)}).
   */
  public boolean isLongLived(ExpressionTree expression) {
    return isLongLived(expression, 0);
  }

  private boolean isLongLived(ExpressionTree expression, int depth) {
    if (expression == null || depth > MAX_DEPTH) {
      return false;
    }
    ExpressionTree tree = LocalVariables.skipParens(expression);
    if (tree instanceof TypeCastTree cast) {
      return isLongLived(cast.getExpression(), depth + 1);
    }
    if (tree instanceof LiteralTree) {
      return true;
    }
    if (tree instanceof IdentifierTree || tree instanceof MemberSelectTree) {
      Symbol symbol = ASTHelpers.getSymbol(tree);
      if (symbol == null) {
        return false;
      }
      if (symbol.getKind() == ElementKind.FIELD || symbol.getKind() == ElementKind.ENUM_CONSTANT) {
        return !(tree instanceof MemberSelectTree select)
            || isReceiverLongLived(select.getExpression(), depth);
      }
      if (symbol instanceof VarSymbol variable && LocalVariables.isLocal(variable)) {
        return !reassigned.contains(variable) && isLongLived(initializers.get(variable), depth + 1);
      }
      return false;
    }
    if (tree instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof MemberSelectTree select) {
      Symbol receiver = ASTHelpers.getSymbol(select.getExpression());
      boolean staticCall = receiver != null && receiver.getKind().isClass();
      if (staticCall || !isLongLived(select.getExpression(), depth + 1)) {
        return false;
      }
      for (ExpressionTree argument : call.getArguments()) {
        if (!isLongLived(argument, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private boolean isReceiverLongLived(ExpressionTree receiver, int depth) {
    Symbol symbol = ASTHelpers.getSymbol(receiver);
    if (symbol != null && symbol.getKind().isClass()) {
      return true; // Type.FIELD
    }
    if (receiver instanceof IdentifierTree identifier
        && (identifier.getName() == state.getNames()._this
            || identifier.getName() == state.getNames()._super)) {
      return true;
    }
    return isLongLived(receiver, depth + 1);
  }

  /**
   * Whether {@code expression} reads only static state: static fields, constants and static calls,
   * with no instance field, {@code this}, local variable or instance method on the way.
   */
  public static boolean readsOnlyStaticState(ExpressionTree expression) {
    boolean[] instance = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol == null
            || ((symbol instanceof VarSymbol || symbol.getKind() == ElementKind.METHOD)
                && !symbol.isStatic())) {
          instance[0] = true;
        }
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol instanceof VarSymbol && !symbol.isStatic()) {
          instance[0] = true;
        }
        return super.visitMemberSelect(tree, unused);
      }
    }.scan(expression, null);
    return !instance[0];
  }

  /**
   * Whether the code under {@code path} reads request data: a parameter of the enclosing method, or
   * a local declared outside {@code path} that is not long-lived. Variables declared inside it
   * (lambda parameters, loop variables) and those in {@code allowed} do not count.
   */
  public boolean usesRequestData(TreePath path, Set<VarSymbol> allowed) {
    Set<VarSymbol> declaredInside = new HashSet<>();
    boolean[] found = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        VarSymbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null) {
          declaredInside.add(symbol);
        }
        return super.visitVariable(tree, unused);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) instanceof VarSymbol symbol
            && !declaredInside.contains(symbol)
            && !allowed.contains(symbol)) {
          if (symbol.getKind() == ElementKind.PARAMETER
              || symbol.getKind() == ElementKind.EXCEPTION_PARAMETER
              || (LocalVariables.isLocal(symbol) && !isLongLived(tree))) {
            found[0] = true;
          }
        }
        return null;
      }
    }.scan(path, null);
    return found[0];
  }

  /**
   * Whether {@code expression} is a field holding a small constant collection, such as {@code
   * static final List<String> ADMINS = List.of("root", "ops")}: copying it is cheap.
   */
  public boolean isSmallConstant(ExpressionTree expression) {
    Symbol symbol = ASTHelpers.getSymbol(LocalVariables.skipParens(expression));
    if (!(symbol instanceof VarSymbol field) || symbol.getKind() != ElementKind.FIELD) {
      return false;
    }
    if (!field.isStatic() || (field.flags() & com.sun.tools.javac.code.Flags.FINAL) == 0) {
      return false;
    }
    Tree declaration = JavacTrees.instance(state.context).getTree(field);
    if (!(declaration instanceof VariableTree variable) || variable.getInitializer() == null) {
      return false;
    }
    ExpressionTree initializer = LocalVariables.skipParens(variable.getInitializer());
    if (initializer instanceof NewArrayTree array) {
      return array.getInitializers() != null
          && array.getInitializers().size() <= SMALL_CONSTANT_SIZE;
    }
    if (initializer instanceof MethodInvocationTree call) {
      Symbol method = ASTHelpers.getSymbol(call);
      return method != null
          && CONSTANT_FACTORIES.contains(method.getSimpleName().toString())
          && call.getArguments().size() <= SMALL_CONSTANT_SIZE
          && call.getArguments().stream()
              .allMatch(
                  argument ->
                      ASTHelpers.constValue(argument) != null
                          || argument instanceof MethodInvocationTree
                          || argument instanceof MemberSelectTree);
    }
    return false;
  }
}
