package io.oomguard.checker.streams;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.PackageSymbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree.JCExpression;
import io.oomguard.checker.PerCompilation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The other source files of the compilation, as javac has typed them: where a method of another
 * file is declared, which classes of the module override it, and which calls in the module hand a
 * stream to it. A body often crosses files (a servlet hands the request stream to a service, a
 * client hands the response to a util class), and javac's one-class-at-a-time view would lose it.
 *
 * <p>Only files javac has already typed are read: with {@code -XDcompilePolicy=simple}, which Error
 * Prone asks for and the Maven plugin uses, that is every file of the module by the time a check
 * runs; under other policies some files are not typed yet and are simply not seen (fewer findings,
 * never wrong ones).
 */
final class CompiledSources {
  /** The module's classes, and its calls that pass a body carrier; worked out on first use. */
  private static final PerCompilation<Module> MODULE = new PerCompilation<>(Module::new);

  private CompiledSources() {}

  /** The declaration of {@code method}, with a body, in a typed file of this compilation. */
  static @Nullable TreePath declarationOf(MethodSymbol method, VisitorState state) {
    if (unitOf(method, state) == null) {
      return null;
    }
    TreePath path = JavacTrees.instance(state.context).getPath(method);
    return path != null
            && path.getLeaf() instanceof MethodTree declaration
            && declaration.getBody() != null
        ? path
        : null;
  }

  /**
   * The compilation unit that declares {@code symbol}, if it is a typed file of this compilation.
   */
  static @Nullable CompilationUnitTree unitOf(Symbol symbol, VisitorState state) {
    ClassSymbol outer = outermostClass(symbol);
    return outer == null ? null : MODULE.get(state).unitOf(outer, state);
  }

  /**
   * The methods of the module's classes that override {@code method} (the implementations a call of
   * an interface or abstract method reaches), each with a body in a typed file.
   */
  static ImmutableList<MethodSymbol> overridersOf(MethodSymbol method, VisitorState state) {
    if (method.isStatic() || method.isConstructor() || method.isPrivate()) {
      return ImmutableList.of();
    }
    TypeSymbol owner = method.enclClass();
    ImmutableList.Builder<MethodSymbol> overriders = ImmutableList.builder();
    for (ClassSymbol type : MODULE.get(state).classes(state)) {
      if (type == owner
          || !type.isSubClass(owner, state.getTypes())
          || unitOf(type, state) == null) {
        continue;
      }
      for (Symbol member : type.members().getSymbolsByName(method.name)) {
        if (member instanceof MethodSymbol candidate
            && !candidate.isStatic()
            && candidate.overrides(method, type, state.getTypes(), true)) {
          overriders.add(candidate);
        }
      }
    }
    return overriders.build();
  }

  /**
   * Every call in the module's typed files that hands a body carrier to {@code method} or to a
   * method it overrides (a call through an interface may run it).
   */
  static ImmutableList<TreePath> callsPassingCarriers(MethodSymbol method, VisitorState state) {
    ImmutableListMultimap<MethodSymbol, TreePath> calls = MODULE.get(state).calls(state);
    Set<TreePath> found = new LinkedHashSet<>(calls.get(method));
    for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, state.getTypes())) {
      found.addAll(calls.get(overridden));
    }
    return ImmutableList.copyOf(found);
  }

  /** What is known of the module's sources, worked out as first asked. */
  private static final class Module {
    private final Map<ClassSymbol, Optional<CompilationUnitTree>> units = new HashMap<>();
    private @Nullable ImmutableList<ClassSymbol> classes;
    private @Nullable ImmutableListMultimap<MethodSymbol, TreePath> calls;

    /** The typed compilation unit of a top-level class compiled from source here. */
    @Nullable CompilationUnitTree unitOf(ClassSymbol outer, VisitorState state) {
      Optional<CompilationUnitTree> unit = units.get(outer);
      if (unit == null || unit.isEmpty()) {
        // Not known yet, or not typed when last asked: it may be by now.
        unit = Optional.ofNullable(typedUnit(outer, state));
        units.put(outer, unit);
      }
      return unit.orElse(null);
    }

    /** Every class of the compilation that comes from source. */
    ImmutableList<ClassSymbol> classes(VisitorState state) {
      if (classes == null) {
        ImmutableList.Builder<ClassSymbol> found = ImmutableList.builder();
        JavacTrees trees = JavacTrees.instance(state.context);
        for (ClassSymbol type : state.getSymtab().getAllClasses()) {
          if (type.sourcefile != null && trees.getTree(type) != null) {
            found.add(type);
          }
        }
        classes = found.build();
      }
      return classes;
    }

    ImmutableListMultimap<MethodSymbol, TreePath> calls(VisitorState state) {
      if (calls == null) {
        calls = scanCalls(state);
      }
      return calls;
    }

    private ImmutableListMultimap<MethodSymbol, TreePath> scanCalls(VisitorState state) {
      Set<CompilationUnitTree> units = new LinkedHashSet<>();
      for (ClassSymbol type : classes(state)) {
        if (type.owner instanceof PackageSymbol) {
          CompilationUnitTree unit = unitOf(type, state);
          if (unit != null) {
            units.add(unit);
          }
        }
      }
      List<Type> carriers = new ArrayList<>();
      for (String name : BodySources.CARRIERS) {
        Type carrier = state.getTypeFromString(name);
        if (carrier != null) {
          carriers.add(state.getTypes().erasure(carrier));
        }
      }
      ImmutableListMultimap.Builder<MethodSymbol, TreePath> calls = ImmutableListMultimap.builder();
      for (CompilationUnitTree unit : units) {
        new TreePathScanner<Void, Void>() {
          @Override
          public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
            record(ASTHelpers.getSymbol(tree), tree.getArguments());
            return super.visitMethodInvocation(tree, null);
          }

          @Override
          public Void visitNewClass(NewClassTree tree, Void unused) {
            record(ASTHelpers.getSymbol(tree), tree.getArguments());
            return super.visitNewClass(tree, null);
          }

          private void record(
              @Nullable MethodSymbol method, List<? extends ExpressionTree> arguments) {
            if (method != null
                && !arguments.isEmpty()
                && outermostClass(method) != null
                && unitOf(outermostClass(method), state) != null
                && arguments.stream().anyMatch(this::isCarrier)) {
              calls.put(method, getCurrentPath());
            }
          }

          private boolean isCarrier(ExpressionTree argument) {
            Type type = ASTHelpers.getType(argument);
            if (type == null || type.isPrimitive()) {
              return false;
            }
            Type erased = state.getTypes().erasure(type);
            return carriers.stream().anyMatch(c -> state.getTypes().isSubtype(erased, c));
          }
        }.scan(unit, null);
      }
      return calls.build();
    }
  }

  /**
   * The top-level class declaring {@code symbol}, or {@code null}. Unlike {@code
   * Symbol.outermostClass()} this does not fail on members of javac's synthetic array class.
   */
  private static @Nullable ClassSymbol outermostClass(Symbol symbol) {
    for (Symbol owner = symbol; owner != null; owner = owner.owner) {
      if (owner.owner instanceof PackageSymbol && owner instanceof ClassSymbol type) {
        return type;
      }
    }
    return null;
  }

  private static @Nullable CompilationUnitTree typedUnit(ClassSymbol outer, VisitorState state) {
    if (outer.sourcefile == null) {
      return null;
    }
    TreePath path = JavacTrees.instance(state.context).getPath(outer);
    return path != null && path.getLeaf() instanceof ClassTree declaration && isTyped(declaration)
        ? path.getCompilationUnit()
        : null;
  }

  /**
   * Whether javac has typed the class yet: the first expression in its members has a type (an
   * untyped file, seen under a policy other than {@code simple}, has none).
   */
  private static boolean isTyped(ClassTree declaration) {
    Boolean typed =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean scan(Tree tree, Void unused) {
            if (tree instanceof ExpressionTree expression
                && !(tree instanceof AnnotationTree)
                && tree instanceof JCExpression typedTree) {
              return typedTree.type != null;
            }
            return super.scan(tree, null);
          }

          @Override
          public Boolean visitModifiers(ModifiersTree tree, Void unused) {
            return null; // annotations are typed before the code
          }

          @Override
          public Boolean visitVariable(VariableTree tree, Void unused) {
            return scan(tree.getInitializer(), null);
          }

          @Override
          public Boolean visitMethod(MethodTree tree, Void unused) {
            return scan(tree.getBody(), null);
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return a != null ? a : b;
          }
        }.scan(declaration, null);
    // A class with no expression at all has nothing to trace either way.
    return typed == null || typed;
  }
}
