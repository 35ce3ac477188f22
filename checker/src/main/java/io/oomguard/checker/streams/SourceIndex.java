package io.oomguard.checker.streams;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BindingPatternTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one source file says about its own variables and methods: every value assigned to each
 * variable and field, where each method is declared, and where the file calls its own methods.
 *
 * <p>javac shows a check one expression at a time; this index lets the tracing in {@link
 * BodyReadSources} follow a value through assignments, fields and helper methods of the same file.
 */
final class SourceIndex {
  private final CompilationUnitTree unit;
  private final ImmutableListMultimap<Symbol, ExpressionTree> values;
  private final ImmutableMap<MethodSymbol, TreePath> methods;
  private final ImmutableListMultimap<MethodSymbol, TreePath> calls;

  private SourceIndex(
      CompilationUnitTree unit,
      ImmutableListMultimap<Symbol, ExpressionTree> values,
      ImmutableMap<MethodSymbol, TreePath> methods,
      ImmutableListMultimap<MethodSymbol, TreePath> calls) {
    this.unit = unit;
    this.values = values;
    this.methods = methods;
    this.calls = calls;
  }

  // The last files indexed on this thread: a check asks about several reads in one file in turn,
  // and a trace across files comes back to the same few. Weakly held, so a finished compilation's
  // trees are never kept alive by the cache.
  private static final int KEPT = 4;

  private static final ThreadLocal<ArrayDeque<WeakReference<SourceIndex>>> LAST =
      ThreadLocal.withInitial(ArrayDeque::new);

  /** The index of {@code unit}, built in one pass over it (or reused from a recent request). */
  static SourceIndex of(CompilationUnitTree unit) {
    ArrayDeque<WeakReference<SourceIndex>> last = LAST.get();
    for (WeakReference<SourceIndex> kept : last) {
      SourceIndex index = kept.get();
      if (index != null && index.unit == unit) {
        return index;
      }
    }
    SourceIndex index = build(unit);
    last.addFirst(new WeakReference<>(index));
    while (last.size() > KEPT) {
      last.removeLast();
    }
    return index;
  }

  /** The file this index is of. */
  CompilationUnitTree unit() {
    return unit;
  }

  private static SourceIndex build(CompilationUnitTree unit) {
    Set<Symbol> ownClasses = new HashSet<>();
    for (Tree type : unit.getTypeDecls()) {
      Symbol symbol = ASTHelpers.getSymbol(type);
      if (symbol != null) {
        ownClasses.add(symbol);
      }
    }
    ImmutableListMultimap.Builder<Symbol, ExpressionTree> values = ImmutableListMultimap.builder();
    ImmutableMap.Builder<MethodSymbol, TreePath> methods = ImmutableMap.builder();
    ImmutableListMultimap.Builder<MethodSymbol, TreePath> calls = ImmutableListMultimap.builder();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null && tree.getInitializer() != null) {
          values.put(symbol, tree.getInitializer());
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(tree.getVariable());
        if (symbol != null) {
          values.put(symbol, tree.getExpression());
        }
        return super.visitAssignment(tree, null);
      }

      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Void unused) {
        // `for (URL url : urls)`: each element comes from where the collection comes from.
        Symbol symbol = ASTHelpers.getSymbol(tree.getVariable());
        if (symbol != null) {
          values.put(symbol, tree.getExpression());
        }
        return super.visitEnhancedForLoop(tree, null);
      }

      @Override
      public Void visitInstanceOf(InstanceOfTree tree, Void unused) {
        // `if (c instanceof HttpURLConnection http)`: the binding holds the tested value.
        if (tree.getPattern() instanceof BindingPatternTree binding) {
          Symbol symbol = ASTHelpers.getSymbol(binding.getVariable());
          if (symbol != null) {
            values.put(symbol, tree.getExpression());
          }
        }
        return super.visitInstanceOf(tree, null);
      }

      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        MethodSymbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null && tree.getBody() != null) {
          methods.put(symbol, getCurrentPath());
        }
        return super.visitMethod(tree, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        recordCall(ASTHelpers.getSymbol(tree));
        return super.visitMethodInvocation(tree, null);
      }

      @Override
      public Void visitNewClass(NewClassTree tree, Void unused) {
        recordCall(ASTHelpers.getSymbol(tree));
        return super.visitNewClass(tree, null);
      }

      private void recordCall(@Nullable MethodSymbol symbol) {
        if (symbol != null && ownClasses.contains(topLevelClassOf(symbol))) {
          calls.put(symbol, getCurrentPath());
        }
      }
    }.scan(unit, null);
    return new SourceIndex(unit, values.build(), methods.buildKeepingLast(), calls.build());
  }

  /**
   * The top-level class declaring {@code symbol}, or {@code null}. Unlike {@code
   * Symbol.outermostClass()} this does not fail on members of javac's synthetic array class ({@code
   * bytes.clone()}).
   */
  private static @Nullable Symbol topLevelClassOf(Symbol symbol) {
    for (Symbol owner = symbol.owner; owner != null; owner = owner.owner) {
      if (owner.owner instanceof PackageSymbol) {
        return owner;
      }
    }
    return null;
  }

  /** Every expression this file assigns to {@code variable}, its initializer included. */
  ImmutableList<ExpressionTree> valuesOf(Symbol variable) {
    return values.get(variable);
  }

  /** The declaration of {@code method}, if this file declares it with a body. */
  @Nullable TreePath declarationOf(MethodSymbol method) {
    return methods.get(method);
  }

  /** Every call of {@code method} (or constructor) in this file. */
  ImmutableList<TreePath> callsOf(MethodSymbol method) {
    return calls.get(method);
  }
}
