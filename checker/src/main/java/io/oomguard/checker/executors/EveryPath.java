package io.oomguard.checker.executors;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.UnionTypeTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.oomguard.checker.OwnCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a pool's shutdown, called outside {@code finally}, is reached on every path from the
 * statement that creates the pool (see {@link PoolLifecycle} for the rules). Walks the statements
 * that follow the creation in its block, in order, until one of them shuts the pool down or may
 * leave the block first.
 */
final class EveryPath {
  private EveryPath() {}

  /** A path that leaves without shutting the pool down, in words; empty when there is none. */
  static Optional<String> missedPath(
      VarSymbol pool, TreePath anchor, List<TreePath> shutdowns, VisitorState state) {
    List<? extends StatementTree> statements = enclosingStatements(anchor);
    if (statements == null) {
      return Optional.empty(); // not in a block: a shape these rules do not model
    }
    int index = statements.indexOf(anchor.getLeaf());
    if (index < 0) {
      return Optional.empty();
    }
    Walk walk = new Walk(pool, state);
    Outcome outcome = walk.statements(statements.subList(index + 1, statements.size()), List.of());
    if (outcome.shutDown()) {
      return Optional.empty();
    }
    if (outcome.exit() != null) {
      return Optional.of(outcome.exit());
    }
    return Optional.of(
        "`"
            + state.getSourceForNode(shutdowns.get(0).getLeaf())
            + "` runs only "
            + where(shutdowns.get(0), anchor));
  }

  /** {@code while (true)}, {@code for (;;)}, {@code do ... while (true)}. */
  static boolean isEndlessLoop(StatementTree statement) {
    if (statement instanceof WhileLoopTree loop) {
      return isTrue(loop.getCondition());
    }
    if (statement instanceof DoWhileLoopTree loop) {
      return isTrue(loop.getCondition());
    }
    return statement instanceof ForLoopTree loop
        && (loop.getCondition() == null || isTrue(loop.getCondition()));
  }

  private static boolean isTrue(ExpressionTree condition) {
    ExpressionTree current = condition;
    while (current instanceof ParenthesizedTree parenthesized) {
      current = parenthesized.getExpression();
    }
    return current instanceof LiteralTree literal && Boolean.TRUE.equals(literal.getValue());
  }

  private static List<? extends StatementTree> enclosingStatements(TreePath anchor) {
    Tree parent = anchor.getParentPath().getLeaf();
    if (parent instanceof BlockTree block) {
      return block.getStatements();
    }
    if (parent instanceof CaseTree caseTree && caseTree.getStatements() != null) {
      return caseTree.getStatements();
    }
    return null;
  }

  /** Where a nested shutdown call sits, relative to the pool's block: "inside an `if`", ... */
  private static String where(TreePath shutdown, TreePath anchor) {
    Tree block = anchor.getParentPath().getLeaf();
    String where = "in a nested block";
    Tree child = shutdown.getLeaf();
    for (TreePath current = shutdown.getParentPath();
        current != null && current.getLeaf() != block;
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof IfTree) {
        where = "inside an `if`";
      } else if (leaf instanceof TryTree tryTree && child == tryTree.getBlock()) {
        where = "at the end of a `try` block, which an exception skips";
      } else if (leaf instanceof CatchTree) {
        where = "in a `catch` block";
      } else if (isLoop(leaf)) {
        where = "inside a loop";
      } else if (leaf instanceof SwitchTree) {
        where = "in one `switch` case";
      }
      child = leaf;
    }
    return where;
  }

  private static boolean isLoop(Tree tree) {
    return tree instanceof WhileLoopTree
        || tree instanceof DoWhileLoopTree
        || tree instanceof ForLoopTree
        || tree instanceof EnhancedForLoopTree;
  }

  /**
   * The result of walking statements: the pool is shut down, or a path leaves first, or neither.
   */
  private record Outcome(boolean shutDown, String exit) {
    static final Outcome SHUT_DOWN = new Outcome(true, null);
    static final Outcome FALLS_THROUGH = new Outcome(false, null);

    static Outcome exit(String detail) {
      return new Outcome(false, detail);
    }
  }

  private static final class Walk {
    private final VarSymbol pool;
    private final VisitorState state;

    Walk(VarSymbol pool, VisitorState state) {
      this.pool = pool;
      this.state = state;
    }

    /** Walks statements in order; {@code caught}: exception types an enclosing try catches. */
    Outcome statements(List<? extends StatementTree> statements, List<Type> caught) {
      for (StatementTree statement : statements) {
        Outcome outcome = statement(statement, caught);
        if (outcome.shutDown() || outcome.exit() != null) {
          return outcome;
        }
      }
      return Outcome.FALLS_THROUGH;
    }

    private Outcome statement(StatementTree statement, List<Type> caught) {
      if (isShutdown(statement)) {
        return Outcome.SHUT_DOWN;
      }
      if (statement instanceof BlockTree block) {
        return statements(block.getStatements(), caught);
      }
      if (statement instanceof SynchronizedTree sync) {
        return statements(sync.getBlock().getStatements(), caught);
      }
      if (statement instanceof IfTree ifTree && ifTree.getElseStatement() != null) {
        Outcome then = statement(ifTree.getThenStatement(), caught);
        Outcome otherwise = statement(ifTree.getElseStatement(), caught);
        if (then.shutDown() && otherwise.shutDown()) {
          return Outcome.SHUT_DOWN;
        }
      }
      if (statement instanceof TryTree tryTree && tryTree.getFinallyBlock() == null) {
        List<Type> inner = new ArrayList<>(caught);
        inner.addAll(catchTypes(tryTree));
        Outcome body = statements(tryTree.getBlock().getStatements(), inner);
        if (body.exit() != null) {
          return body;
        }
        if (body.shutDown()
            && tryTree.getCatches().stream()
                .allMatch(
                    c ->
                        onlyCatchesInterruption(c)
                            || statements(c.getBlock().getStatements(), caught).shutDown())) {
          return Outcome.SHUT_DOWN;
        }
      }
      return new Exits(caught).first(statement);
    }

    private boolean isShutdown(StatementTree statement) {
      return statement instanceof ExpressionStatementTree expression
          && expression.getExpression() instanceof MethodInvocationTree call
          && AssignedValues.reads(ASTHelpers.getReceiver(call), pool)
          && ASTHelpers.getSymbol(call) != null
          && PoolLifecycle.isShutdownMethod(ASTHelpers.getSymbol(call).getSimpleName().toString());
    }

    /** A {@code catch (InterruptedException e)}: runs only when the thread is interrupted. */
    private boolean onlyCatchesInterruption(CatchTree catchTree) {
      Type caughtType = ASTHelpers.getType(catchTree.getParameter().getType());
      return caughtType != null
          && caughtType.tsym.getQualifiedName().contentEquals("java.lang.InterruptedException");
    }

    private List<Type> catchTypes(TryTree tryTree) {
      List<Type> types = new ArrayList<>(tryTree.getCatches().size());
      for (CatchTree catchTree : tryTree.getCatches()) {
        Tree typeTree = catchTree.getParameter().getType();
        if (typeTree instanceof UnionTypeTree union) {
          union.getTypeAlternatives().forEach(t -> types.add(ASTHelpers.getType(t)));
        } else {
          types.add(ASTHelpers.getType(typeTree));
        }
      }
      return types;
    }

    /**
     * Finds the first way a statement may leave the block before the pool is shut down: a return,
     * throw or break not preceded by a shutdown in its block, or a call declared to throw a checked
     * exception that nothing around it catches. Lambdas and classes are not entered.
     */
    private final class Exits extends OwnCode.Scanner<Void, Void> {
      private final Deque<List<Type>> caught = new ArrayDeque<>();
      private final Set<String> labels = new HashSet<>();
      private int breakTargets;
      private boolean shutDownBefore;
      private String exit;

      Exits(List<Type> outerCaught) {
        caught.push(outerCaught);
      }

      Outcome first(StatementTree statement) {
        scan(statement, null);
        return exit == null ? Outcome.FALLS_THROUGH : Outcome.exit(exit);
      }

      @Override
      public Void scan(Tree tree, Void unused) {
        return exit != null ? null : super.scan(tree, unused);
      }

      @Override
      public Void visitBlock(BlockTree block, Void unused) {
        boolean outer = shutDownBefore;
        for (StatementTree statement : block.getStatements()) {
          scan(statement, null);
          shutDownBefore |= isShutdown(statement);
        }
        shutDownBefore = outer;
        return null;
      }

      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        leaveUnlessShutDown("it returns at `" + state.getSourceForNode(tree) + "`");
        return super.visitReturn(tree, null);
      }

      @Override
      public Void visitThrow(ThrowTree tree, Void unused) {
        Type thrown = ASTHelpers.getType(tree.getExpression());
        if (thrown == null || !isCaught(thrown)) {
          leaveUnlessShutDown("it throws at `" + state.getSourceForNode(tree) + "`");
        }
        return super.visitThrow(tree, null);
      }

      @Override
      public Void visitBreak(BreakTree tree, Void unused) {
        if (tree.getLabel() == null ? breakTargets == 0 : !labels.contains(label(tree))) {
          leaveUnlessShutDown("it leaves the block at `" + state.getSourceForNode(tree) + "`");
        }
        return null;
      }

      @Override
      public Void visitContinue(ContinueTree tree, Void unused) {
        if (tree.getLabel() == null ? breakTargets == 0 : !labels.contains(label(tree))) {
          leaveUnlessShutDown("it leaves the block at `" + state.getSourceForNode(tree) + "`");
        }
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        checkThrows(tree, ASTHelpers.getType(tree.getMethodSelect()));
        return super.visitMethodInvocation(tree, null);
      }

      @Override
      public Void visitNewClass(NewClassTree tree, Void unused) {
        Symbol constructor = ASTHelpers.getSymbol(tree);
        checkThrows(tree, constructor == null ? null : constructor.type);
        // the class body of an anonymous class runs later: not entered
        scan(tree.getEnclosingExpression(), null);
        scan(tree.getArguments(), null);
        return null;
      }

      @Override
      public Void visitTry(TryTree tree, Void unused) {
        List<Type> inner = catchTypes(tree);
        caught.push(inner);
        scan(tree.getResources(), null);
        scan(tree.getBlock(), null);
        caught.pop();
        scan(tree.getCatches(), null);
        scan(tree.getFinallyBlock(), null);
        return null;
      }

      @Override
      public Void visitLabeledStatement(LabeledStatementTree tree, Void unused) {
        labels.add(tree.getLabel().toString());
        return super.visitLabeledStatement(tree, null);
      }

      @Override
      public Void visitWhileLoop(WhileLoopTree tree, Void unused) {
        return inBreakTarget(() -> super.visitWhileLoop(tree, null));
      }

      @Override
      public Void visitDoWhileLoop(DoWhileLoopTree tree, Void unused) {
        return inBreakTarget(() -> super.visitDoWhileLoop(tree, null));
      }

      @Override
      public Void visitForLoop(ForLoopTree tree, Void unused) {
        return inBreakTarget(() -> super.visitForLoop(tree, null));
      }

      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Void unused) {
        return inBreakTarget(() -> super.visitEnhancedForLoop(tree, null));
      }

      @Override
      public Void visitSwitch(SwitchTree tree, Void unused) {
        return inBreakTarget(() -> super.visitSwitch(tree, null));
      }

      private Void inBreakTarget(java.util.function.Supplier<Void> scanChildren) {
        breakTargets++;
        try {
          return scanChildren.get();
        } finally {
          breakTargets--;
        }
      }

      private void checkThrows(ExpressionTree call, Type methodType) {
        if (methodType == null || shutDownBefore) {
          return;
        }
        for (Type thrown : methodType.getThrownTypes()) {
          if (isChecked(thrown) && !isCaught(thrown)) {
            exit =
                "`"
                    + abbreviate(call)
                    + "` can throw "
                    + thrown.tsym.getSimpleName()
                    + " before it is shut down";
            return;
          }
        }
      }

      private void leaveUnlessShutDown(String detail) {
        if (!shutDownBefore) {
          exit = detail;
        }
      }

      private boolean isCaught(Type thrown) {
        for (List<Type> level : caught) {
          for (Type handler : level) {
            if (handler != null && ASTHelpers.isSubtype(thrown, handler, state)) {
              return true;
            }
          }
        }
        return false;
      }

      /**
       * Checked, and not InterruptedException: interruption mostly means the application is
       * stopping, when threads left behind no longer matter.
       */
      private boolean isChecked(Type thrown) {
        Type runtime = state.getSymtab().runtimeExceptionType;
        Type error = state.getSymtab().errorType;
        Type interrupted = state.getTypeFromString("java.lang.InterruptedException");
        return !ASTHelpers.isSubtype(thrown, runtime, state)
            && !ASTHelpers.isSubtype(thrown, error, state)
            && (interrupted == null || !ASTHelpers.isSameType(thrown, interrupted, state));
      }

      private String abbreviate(ExpressionTree call) {
        String source = state.getSourceForNode(call);
        if (source == null) {
          return "a call";
        }
        int open = source.indexOf('(');
        return open < 0 || source.endsWith("()") ? source : source.substring(0, open) + "(...)";
      }

      private String label(Tree jump) {
        return jump instanceof BreakTree b
            ? b.getLabel().toString()
            : ((ContinueTree) jump).getLabel().toString();
      }
    }
  }
}
