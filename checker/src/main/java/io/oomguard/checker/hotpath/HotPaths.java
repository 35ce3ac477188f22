package io.oomguard.checker.hotpath;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
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

/**
 * The hot-path model: whether code runs per request or per item, and why.
 *
 * <p>Code is hot when it is (1) inside a request-handling entry point ({@link EntryPoints}); (2)
 * inside a loop body or a lambda run per element by an iteration method; or (3) inside a method of
 * the same top-level class reachable from (1) or (2) through direct calls. Facts about a top-level
 * class (its entry points and call graph) are computed once, on first use, and shared by every
 * check and every node of that class.
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
      if (!thrown && !deferred && child != null && Loops.runsPerIteration(leaf, child, state)) {
        String where = enclosingMethodName(current).map(name -> " in `" + name + "`").orElse("");
        return Optional.of(
            new HotContext(
                HotContext.Kind.LOOP,
                Loops.describeLoop(leaf) + where,
                enclosingMethodName(current).map(ImmutableList::of).orElse(ImmutableList.of())));
      }
      deferred |=
          (child instanceof LambdaExpressionTree || child instanceof MemberReferenceTree)
              && Deferred.onlyCreated(childPath, state);
      if (leaf instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        ClassFacts facts = factsOf(current, state, flags);
        return symbol == null || facts == null
            ? Optional.empty()
            : facts.contextOf(symbol, deferred);
      }
      if (leaf instanceof ClassTree) {
        return Optional.empty(); // field initializers and initializer blocks outside loops
      }
      childPath = current;
    }
    return Optional.empty();
  }

  /**
   * Whether the code at {@code path} runs at start-up: in a field initializer or initializer block,
   * or in a method of {@link StartUpMethods}. A lambda boundary ends the search: a lambda written
   * in a constructor may be a callback that runs per request.
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
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof LambdaExpressionTree) {
        return false;
      }
      if (leaf instanceof ClassTree) {
        return true;
      }
      if (leaf instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        return symbol != null
            && (StartUpMethods.isStartUp(symbol, state) || alsoStartUp.test(symbol));
      }
    }
    return false;
  }

  /** Whether the method is an entry point itself (not merely reached from one). */
  public static boolean isEntryPoint(MethodSymbol method, VisitorState state, OomGuardFlags flags) {
    return new EntryPointMatcher(flags.hotPathAnnotations()).match(method, state).isPresent();
  }

  private static ClassFacts factsOf(TreePath path, VisitorState state, OomGuardFlags flags) {
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
            (classPath, s) -> ClassFacts.compute(classPath, symbol, s, flags, indexOf(s, flags)));
    return facts.isFor(symbol, flags)
        ? facts
        : ClassFacts.compute(topLevel, symbol, state, flags, indexOf(state, flags));
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
