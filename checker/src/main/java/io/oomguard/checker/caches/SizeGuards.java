package io.oomguard.checker.caches;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.TypeTag;
import io.oomguard.checker.OwnCode;
import io.oomguard.checker.collections.CollectionMethods;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a size comparison bounds an add: the add only runs while a collection is below a limit.
 * That is so when the add is inside the branch of an {@code if} (or a loop, a {@code ?:}, an {@code
 * &&}) whose condition compares a {@code size()} with a limit, or when an earlier {@code if} in an
 * enclosing block compares the size and then leaves ({@code return}, {@code throw}, {@code break},
 * {@code continue}) or empties the collection. A size check after the add bounds nothing: the entry
 * is already in.
 */
final class SizeGuards {
  private SizeGuards() {}

  /** Whether a size comparison guards the code at {@code path}, within its method. */
  static boolean guards(TreePath path, VisitorState state) {
    Set<Symbol> sizes = null; // locals holding a size, found on first need
    Tree child = path.getLeaf();
    for (TreePath current = path.getParentPath();
        current != null;
        child = current.getLeaf(), current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof MethodTree
          || leaf instanceof ClassTree
          || leaf instanceof LambdaExpressionTree) {
        return false;
      }
      if (!(leaf instanceof IfTree
          || leaf instanceof ConditionalExpressionTree
          || leaf instanceof WhileLoopTree
          || leaf instanceof ForLoopTree
          || leaf instanceof BinaryTree
          || leaf instanceof BlockTree)) {
        continue;
      }
      if (sizes == null) {
        sizes = sizeLocals(current, state);
      }
      if (new Guard(sizes, state).guardsChild(leaf, child)) {
        return true;
      }
    }
    return false;
  }

  /** Locals of the enclosing method initialized with a {@code size()}: {@code int n = m.size()}. */
  private static Set<Symbol> sizeLocals(TreePath path, VisitorState state) {
    TreePath method = path;
    while (method != null && !(method.getLeaf() instanceof MethodTree)) {
      method = method.getParentPath();
    }
    Set<Symbol> locals = new HashSet<>();
    if (method == null) {
      return locals;
    }
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (node.getInitializer() != null
            && new Guard(Set.of(), state).callsSize(node.getInitializer())) {
          locals.add(ASTHelpers.getSymbol(node));
        }
        return super.visitVariable(node, unused);
      }
    }.scan(method.getLeaf(), null);
    return locals;
  }

  /** Size comparisons, with the locals that hold a size. */
  private static final class Guard {
    private final Set<Symbol> sizeLocals;
    private final VisitorState state;

    Guard(Set<Symbol> sizeLocals, VisitorState state) {
      this.sizeLocals = sizeLocals;
      this.state = state;
    }

    private boolean guardsChild(Tree leaf, Tree child) {
      if (leaf instanceof IfTree ifTree) {
        return child != ifTree.getCondition() && comparesSize(ifTree.getCondition());
      }
      if (leaf instanceof ConditionalExpressionTree conditional) {
        return child != conditional.getCondition() && comparesSize(conditional.getCondition());
      }
      if (leaf instanceof WhileLoopTree loop) {
        return child == loop.getStatement() && comparesSize(loop.getCondition());
      }
      if (leaf instanceof ForLoopTree loop) {
        return child == loop.getStatement()
            && loop.getCondition() != null
            && comparesSize(loop.getCondition());
      }
      if (leaf instanceof BinaryTree binary && binary.getKind() == Tree.Kind.CONDITIONAL_AND) {
        return child == binary.getRightOperand() && comparesSize(binary.getLeftOperand());
      }
      if (leaf instanceof BlockTree block) {
        for (StatementTree statement : block.getStatements()) {
          if (statement == child) {
            return false;
          }
          if (statement instanceof IfTree earlier
              && comparesSize(earlier.getCondition())
              && leavesOrEmpties(earlier.getThenStatement())) {
            return true;
          }
        }
      }
      return false;
    }

    /** Whether {@code condition} compares a {@code size()} with something other than 0 or 1. */
    boolean comparesSize(ExpressionTree condition) {
      boolean[] found = {false};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitBinary(BinaryTree node, Void unused) {
          if (CollectionUses.isComparison(node)
              && ((callsSize(node.getLeftOperand())
                      && !CollectionUses.isZeroOrOne(node.getRightOperand()))
                  || (callsSize(node.getRightOperand())
                      && !CollectionUses.isZeroOrOne(node.getLeftOperand())))) {
            found[0] = true;
          }
          return found[0] ? null : super.visitBinary(node, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
          found[0] |= isSizePredicate(ASTHelpers.getSymbol(node));
          return found[0] ? null : super.visitMethodInvocation(node, unused);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
          return null;
        }
      }.scan(condition, null);
      return found[0];
    }

    /**
     * A method of the module whose body is one {@code return} of a size comparison: {@code
     * isFull()} returning {@code cache.size() >= maxSize}.
     */
    private boolean isSizePredicate(MethodSymbol method) {
      if (method == null || method.getReturnType().getTag() != TypeTag.BOOLEAN) {
        return false;
      }
      TreePath declaration = ModuleCallSites.of(state).declaration(method, state);
      return declaration != null
          && declaration.getLeaf() instanceof MethodTree tree
          && tree.getBody() != null
          && tree.getBody().getStatements().size() == 1
          && tree.getBody().getStatements().get(0) instanceof ReturnTree returned
          && returned.getExpression() != null
          && new Guard(Set.of(), state).comparesSizeDirectly(returned.getExpression());
    }

    /** {@link #comparesSize} without looking into methods. */
    boolean comparesSizeDirectly(ExpressionTree condition) {
      boolean[] found = {false};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitBinary(BinaryTree node, Void unused) {
          if (CollectionUses.isComparison(node)
              && ((callsSize(node.getLeftOperand())
                      && !CollectionUses.isZeroOrOne(node.getRightOperand()))
                  || (callsSize(node.getRightOperand())
                      && !CollectionUses.isZeroOrOne(node.getLeftOperand())))) {
            found[0] = true;
          }
          return found[0] ? null : super.visitBinary(node, unused);
        }
      }.scan(condition, null);
      return found[0];
    }

    /**
     * Whether {@code tree} contains a {@code size()} call (also inside arithmetic), or a size
     * local.
     */
    boolean callsSize(ExpressionTree tree) {
      boolean[] found = {false};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
          found[0] |= sizeLocals.contains(ASTHelpers.getSymbol(node));
          return null;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
          MethodSymbol method = ASTHelpers.getSymbol(node);
          if (method != null
              && method.getSimpleName().contentEquals("size")
              && node.getArguments().isEmpty()) {
            found[0] = true;
          }
          return super.visitMethodInvocation(node, unused);
        }
      }.scan(tree, null);
      return found[0];
    }

    /** Whether {@code statement} leaves the enclosing code, or removes entries. */
    boolean leavesOrEmpties(StatementTree statement) {
      boolean[] found = {false};
      new OwnCode.Scanner<Void, Void>() {
        @Override
        public Void visitReturn(ReturnTree node, Void unused) {
          found[0] = true;
          return null;
        }

        @Override
        public Void visitThrow(ThrowTree node, Void unused) {
          found[0] = true;
          return null;
        }

        @Override
        public Void visitBreak(BreakTree node, Void unused) {
          found[0] = true;
          return null;
        }

        @Override
        public Void visitContinue(ContinueTree node, Void unused) {
          found[0] = true;
          return null;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
          MethodSymbol method = ASTHelpers.getSymbol(node);
          if (method != null
              && CollectionMethods.REMOVING.contains(method.getSimpleName().toString())) {
            found[0] = true;
          }
          return super.visitMethodInvocation(node, unused);
        }
      }.scan(statement, null);
      return found[0];
    }
  }
}
