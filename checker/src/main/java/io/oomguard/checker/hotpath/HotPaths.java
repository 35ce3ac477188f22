package io.oomguard.checker.hotpath;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.oomguard.checker.LastTreeMemo;
import io.oomguard.checker.PerCompilation;
import io.oomguard.checker.config.OomGuardFlags;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.element.Modifier;

/**
 * The hot-path model: whether code runs per request or per item, and why.
 *
 * <p>Code is hot when it is (1) inside a request-handling entry point ({@link EntryPoints}),
 * including a lambda or method reference that implements one; (2) inside a loop body or a lambda
 * run per element by an iteration method; or (3) inside a method reachable from (1) or (2) through
 * direct calls: across the module's classes, through interfaces to their implementations, when
 * javac attributed the whole module first ({@link ModuleFacts}), and within the top-level class
 * otherwise; the Maven plugin's cross-class index adds the methods it names. A constructor that hot
 * code runs (a {@code new} per request or per item) is hot, and so are the instance field
 * initializers and initializer blocks it runs; one whose object goes straight into a field (a
 * singleton, a lazy initializer) is not. A lazy initializer (a block that runs while a field is
 * null and sets it) runs once: nothing in it is hot ({@link LazyInitializers}).
 */
public final class HotPaths {
  /** The facts of the top-level class being analyzed: every node of it asks in turn. */
  private static final LastTreeMemo<ClassFacts> LAST_CLASS = new LastTreeMemo<>();

  /** The cross-class indexes named by the flags, each read once per compilation. */
  private static final PerCompilation<Map<Path, HotMethodIndex>> INDEXES =
      new PerCompilation<>(HashMap::new);

  private HotPaths() {}

  /**
   * Why the code at {@code path} runs per request or per item; empty when it is not hot (or when
   * the shape is not understood).
   */
  public static Optional<HotContext> of(TreePath path, VisitorState state, OomGuardFlags flags) {
    TreePath childPath = null;
    // Code in a throw statement runs once: the throw leaves the loop around it.
    boolean thrown = false;
    // Code in a lambda the method only creates (a task handed to an executor, stored, returned)
    // runs later, elsewhere: not per iteration of a loop around it, nor of one around the method.
    boolean deferred = false;
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      Tree child = childPath == null ? null : childPath.getLeaf();
      thrown |= leaf instanceof ThrowTree;
      if (leaf instanceof IfTree check
          && child == check.getThenStatement()
          && LazyInitializers.isLazyInitializer(check)) {
        return Optional.empty(); // a lazy initializer runs once
      }
      if (!thrown && !deferred && child != null && Loops.runsPerIteration(leaf, child, state)) {
        String where = enclosingMethodName(current).map(name -> " in `" + name + "`").orElse("");
        return Optional.of(
            new HotContext(
                HotContext.Kind.LOOP,
                Loops.describeLoop(leaf) + where,
                enclosingMethodName(current).map(ImmutableList::of).orElse(ImmutableList.of()),
                true,
                false));
      }
      if (leaf instanceof LambdaExpressionTree lambda) {
        Optional<EntryPointMatcher.EntryPoint> entry =
            new EntryPointMatcher(flags.hotPathAnnotations()).matchFunctional(lambda, state);
        if (entry.isPresent()) {
          String name = "lambda in " + enclosingMethodName(current).orElse("an initializer");
          return Optional.of(
              new HotContext(
                  HotContext.Kind.ENTRY_POINT,
                  "in " + entry.get().kind() + " `" + name + "`",
                  ImmutableList.of(name),
                  true,
                  true));
        }
      }
      deferred |=
          (child instanceof LambdaExpressionTree || child instanceof MemberReferenceTree)
              && Deferred.onlyCreated(childPath, state);
      if (leaf instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        HotMethods facts = symbol == null ? null : hotMethods(current, state, flags);
        return facts == null ? Optional.empty() : facts.contextOf(symbol, deferred);
      }
      if (leaf instanceof ClassTree type) {
        // Instance field initializers and initializer blocks run in the class's constructors.
        return child != null && runsInConstructors(child)
            ? constructorContext(ASTHelpers.getSymbol(type), current, state, flags, deferred)
            : Optional.empty();
      }
      childPath = current;
    }
    return Optional.empty();
  }

  /**
   * Why objects of {@code type} are created per request or per item: the context of a constructor
   * of it that hot code runs ({@code new Writer(...)} in a request handler or a loop, or in a
   * method either reaches), so that its constructors, instance field initializers and initializer
   * blocks run per request or per item too. Empty when no hot code creates it, when every such
   * {@code new} keeps the object in a field (a singleton, a lazy initializer), or when the class is
   * not part of the compilation.
   */
  public static Optional<HotContext> constructedInHotCode(
      ClassSymbol type, VisitorState state, OomGuardFlags flags) {
    ClassSymbol topLevel = ASTHelpers.outermostClass(type);
    TreePath topLevelPath;
    try {
      topLevelPath = topLevel == null ? null : JavacTrees.instance(state.context).getPath(topLevel);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return topLevelPath == null
        ? Optional.empty()
        : constructorContext(type, topLevelPath, state, flags, false);
  }

  private static Optional<HotContext> constructorContext(
      ClassSymbol type,
      TreePath inClass,
      VisitorState state,
      OomGuardFlags flags,
      boolean entryPointsOnly) {
    if (type == null) {
      return Optional.empty();
    }
    HotMethods facts = hotMethods(inClass, state, flags);
    if (facts == null) {
      return Optional.empty();
    }
    for (Symbol member :
        type.members().getSymbols(s -> s instanceof MethodSymbol m && m.isConstructor())) {
      Optional<HotContext> context = facts.contextOf((MethodSymbol) member, entryPointsOnly);
      if (context.isPresent()) {
        return context;
      }
    }
    return Optional.empty();
  }

  private static boolean runsInConstructors(Tree member) {
    if (member instanceof VariableTree variable) {
      return !variable.getModifiers().getFlags().contains(Modifier.STATIC);
    }
    return member instanceof BlockTree block && !block.isStatic();
  }

  /**
   * Whether the code at {@code path} runs at start-up: in a field initializer or initializer block,
   * or in a method of {@link StartUpMethods}. A lambda boundary ends the search: a lambda written
   * in a constructor may be a callback that runs per request.
   *
   * <p>This form does not know which classes hot code creates: a constructor is start-up code here.
   * Prefer {@link #inStartUpCode(TreePath, VisitorState, OomGuardFlags)}.
   */
  public static boolean inStartUpCode(TreePath path, VisitorState state) {
    return inStartUpCode(path, state, method -> false);
  }

  /**
   * {@link #inStartUpCode(TreePath, VisitorState)}, with the methods {@code alsoStartUp} accepts
   * counted as start-up methods too (a check's own, documented heuristic on top of the model's).
   */
  public static boolean inStartUpCode(
      TreePath path, VisitorState state, Predicate<MethodSymbol> alsoStartUp) {
    return startUp(path, state, alsoStartUp, null);
  }

  /**
   * Whether the code at {@code path} runs at start-up, as {@link #inStartUpCode(TreePath,
   * VisitorState)} says, except that the constructors, instance field initializers and initializer
   * blocks of a class that hot code creates ({@link #constructedInHotCode}) are not start-up code:
   * they run per request or per item.
   */
  public static boolean inStartUpCode(TreePath path, VisitorState state, OomGuardFlags flags) {
    return startUp(path, state, method -> false, flags);
  }

  /**
   * {@link #inStartUpCode(TreePath, VisitorState, OomGuardFlags)}, with the methods {@code
   * alsoStartUp} accepts counted as start-up methods too.
   */
  public static boolean inStartUpCode(
      TreePath path, VisitorState state, OomGuardFlags flags, Predicate<MethodSymbol> alsoStartUp) {
    return startUp(path, state, alsoStartUp, flags);
  }

  private static boolean startUp(
      TreePath path, VisitorState state, Predicate<MethodSymbol> alsoStartUp, OomGuardFlags flags) {
    Tree child = null;
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof LambdaExpressionTree) {
        return false;
      }
      if (leaf instanceof ClassTree type) {
        return flags == null
            || child == null
            || !runsInConstructors(child)
            || constructorContext(ASTHelpers.getSymbol(type), current, state, flags, false)
                .isEmpty();
      }
      if (leaf instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        if (symbol == null) {
          return false;
        }
        if (flags != null && symbol.isConstructor()) {
          HotMethods facts = hotMethods(current, state, flags);
          if (facts != null && facts.contextOf(symbol, false).isPresent()) {
            return false; // a constructor hot code runs
          }
        }
        return StartUpMethods.isStartUp(symbol, state) || alsoStartUp.test(symbol);
      }
      child = leaf;
    }
    return false;
  }

  /** Whether the method is an entry point itself (not merely reached from one). */
  public static boolean isEntryPoint(MethodSymbol method, VisitorState state, OomGuardFlags flags) {
    return new EntryPointMatcher(flags.hotPathAnnotations()).match(method, state).isPresent();
  }

  /**
   * The hot methods that decide about code at {@code path}: the module's when javac attributed it
   * all first, else those of the top-level class around {@code path}.
   */
  private static HotMethods hotMethods(TreePath path, VisitorState state, OomGuardFlags flags) {
    HotMethodIndex index = indexOf(state, flags);
    Optional<ModuleFacts> module = ModuleFacts.of(state, flags, index);
    if (module.isPresent()) {
      return module.get().hot();
    }
    TreePath topLevel = topLevelClass(path);
    if (topLevel == null) {
      return null;
    }
    ClassSymbol symbol = ASTHelpers.getSymbol((ClassTree) topLevel.getLeaf());
    if (symbol == null) {
      return null;
    }
    // Every check of a compilation gets the same flags, so the facts depend on the class only;
    // a caller with other flags (none today) gets facts of its own.
    ClassFacts facts =
        LAST_CLASS.get(
            topLevel,
            state,
            (classPath, s) -> ClassFacts.compute(classPath, symbol, s, flags, index));
    return facts.isFor(symbol, flags)
        ? facts.hot()
        : ClassFacts.compute(topLevel, symbol, state, flags, index).hot();
  }

  private static HotMethodIndex indexOf(VisitorState state, OomGuardFlags flags) {
    if (flags.hotMethodsFile().isEmpty()) {
      return HotMethodIndex.empty();
    }
    return INDEXES.get(state).computeIfAbsent(flags.hotMethodsFile().get(), HotMethodIndex::read);
  }

  private static TreePath topLevelClass(TreePath path) {
    TreePath result = null;
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof ClassTree
          && current.getParentPath() != null
          && current.getParentPath().getLeaf() instanceof CompilationUnitTree) {
        result = current;
      }
    }
    return result;
  }

  private static Optional<String> enclosingMethodName(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        return symbol == null ? Optional.empty() : Optional.of(displayName(symbol));
      }
      if (current.getLeaf() instanceof ClassTree) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** {@code Owner.method}, the way findings name methods. */
  static String displayName(MethodSymbol method) {
    Symbol owner = method.owner;
    String ownerName = owner.getSimpleName().toString();
    if (ownerName.isEmpty() && owner instanceof ClassSymbol anonymous) {
      // An anonymous class: name it after what it implements.
      Symbol implemented =
          !anonymous.getInterfaces().isEmpty()
              ? anonymous.getInterfaces().get(0).tsym
              : anonymous.getSuperclass().tsym;
      ownerName = "anonymous " + (implemented == null ? "class" : implemented.getSimpleName());
    }
    String methodName =
        method.isConstructor()
            ? owner.getSimpleName().toString()
            : method.getSimpleName().toString();
    return ownerName + "." + methodName;
  }
}
