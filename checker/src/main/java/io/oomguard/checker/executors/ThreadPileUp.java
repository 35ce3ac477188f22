package io.oomguard.checker.executors;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.oomguard.checker.config.OomGuardFlags;
import io.oomguard.checker.executors.PoolLifecycle.Fate;
import io.oomguard.checker.hotpath.HotContext;
import io.oomguard.checker.hotpath.HotPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a thread, timer or pool created at a given place makes threads pile up: because the
 * creation runs per request or per item (in hot code, or in the constructor or a field initializer
 * of a class whose objects are made there), or because the pool outlives the call that made it.
 *
 * <p>A pool or timer created per call does not pile threads up when the call ends them before it
 * returns: shut down on every path and waited for ({@code invokeAll}, {@code future.get()}, {@code
 * awaitTermination}, {@code shutdownNow}, try-with-resources, a timer's {@code cancel}). Its
 * threads then number at most the calls running at once, which the server's own threads bound. A
 * plain {@code shutdown()} after fire-and-forget submissions does not end them: they keep running
 * the tasks after the call has returned.
 */
public final class ThreadPileUp {
  /**
   * What a creation does to the thread count.
   *
   * @param spawn what is created
   * @param lifecycle what becomes of a pool or timer (threads are not followed)
   * @param hot why the creation runs per request or per item, if it does
   * @param perInstanceOf when the creation runs with every object of a class (its constructor, an
   *     instance initializer or field initializer), that class's simple name; {@link #hot} then
   *     says where the objects are made
   * @param leaks whether a method-local pool or timer outlives the method outside start-up code
   */
  public record Verdict(
      Spawn spawn,
      PoolLifecycle.Verdict lifecycle,
      Optional<HotContext> hot,
      Optional<String> perInstanceOf,
      boolean leaks) {}

  private ThreadPileUp() {}

  /** The verdict for {@code tree}, at {@code state}'s path, if it creates threads. */
  public static Optional<Verdict> of(ExpressionTree tree, VisitorState state, OomGuardFlags flags) {
    Optional<Spawn> spawn = Spawn.of(tree, state);
    if (spawn.isEmpty()) {
      return Optional.empty();
    }
    TreePath path = state.getPath();
    PoolLifecycle.Verdict lifecycle = lifecycle(spawn.get(), path, state);
    boolean leaks =
        (lifecycle.fate() == Fate.NEVER_SHUT_DOWN || lifecycle.fate() == Fate.NOT_ON_EVERY_PATH)
            && !StartupCode.contains(path, state);
    if (endsWithTheCall(spawn.get(), lifecycle)) {
      return Optional.of(
          new Verdict(spawn.get(), lifecycle, Optional.empty(), Optional.empty(), leaks));
    }
    TreePath instanceClass = perInstanceClass(path);
    if (instanceClass != null) {
      Optional<HotContext> hot = constructionContext(instanceClass, state, flags);
      if (hot.isPresent()) {
        return Optional.of(
            new Verdict(spawn.get(), lifecycle, hot, Optional.of(nameOf(instanceClass)), leaks));
      }
      // Objects made at start-up: only a loop inside the constructor itself can repeat it.
      Optional<HotContext> loop =
          SpawnSites.hotContext(path, state, flags)
              .filter(context -> context.kind() == HotContext.Kind.LOOP);
      return Optional.of(new Verdict(spawn.get(), lifecycle, loop, Optional.empty(), leaks));
    }
    Optional<HotContext> hot =
        SpawnSites.isStoredInField(path, state)
                || SpawnSites.isBoundedBySemaphore(spawn.get(), state)
                || (isThread(spawn.get())
                    && (SpawnSites.isSingleFlight(path) || SpawnSites.isEndedInCall(path)))
            ? Optional.empty()
            : SpawnSites.hotContext(path, state, flags);
    return Optional.of(new Verdict(spawn.get(), lifecycle, hot, Optional.empty(), leaks));
  }

  private static boolean isThread(Spawn spawn) {
    return spawn.kind() == Spawn.Kind.PLATFORM_THREAD || spawn.kind() == Spawn.Kind.VIRTUAL_THREAD;
  }

  /** What becomes of a pool or timer created here; threads are not followed. */
  private static PoolLifecycle.Verdict lifecycle(Spawn spawn, TreePath path, VisitorState state) {
    boolean keepsThreads =
        spawn.kind() == Spawn.Kind.TIMER
            || spawn.pool().map(pool -> pool.keepsIdleThreads()).orElse(false);
    boolean virtualPool = spawn.pool().map(pool -> pool.virtual()).orElse(false);
    boolean selfDraining = spawn.kind() == Spawn.Kind.POOL && !keepsThreads && !virtualPool;
    if (spawn.kind() != Spawn.Kind.POOL && spawn.kind() != Spawn.Kind.TIMER) {
      return new PoolLifecycle.Verdict(Fate.UNKNOWN, Optional.empty(), "");
    }
    PoolLifecycle.Verdict verdict = PoolLifecycle.of(path, state);
    if (selfDraining || virtualPool) {
      // Idle threads die on their own (cached, fork-join pools) or there are none to keep
      // (virtual threads): only whether the call ends them matters, not a leak.
      return verdict.fate() == Fate.SHUT_DOWN
          ? verdict
          : new PoolLifecycle.Verdict(Fate.UNKNOWN, verdict.variable(), "");
    }
    return verdict;
  }

  /** Shut down on every path, and its threads end before the call returns. */
  private static boolean endsWithTheCall(Spawn spawn, PoolLifecycle.Verdict lifecycle) {
    if (lifecycle.fate() != Fate.SHUT_DOWN) {
      return false;
    }
    // A closed virtual-thread scope is structured fan-out: the request waits for its tasks.
    return lifecycle.threadsEnd() || spawn.pool().map(pool -> pool.virtual()).orElse(false);
  }

  /**
   * The class whose every object runs the creation at {@code path}: it sits in a constructor, an
   * instance initializer or an instance field's initializer of that class (not in a lambda or a
   * class body nested in it, which run at other times). Null otherwise.
   */
  private static TreePath perInstanceClass(TreePath path) {
    Tree child = path.getLeaf();
    for (TreePath current = path.getParentPath();
        current != null;
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof LambdaExpressionTree) {
        return null;
      }
      if (leaf instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        return symbol != null && symbol.isConstructor() ? classOf(current) : null;
      }
      if (leaf instanceof VariableTree field
          && current.getParentPath().getLeaf() instanceof ClassTree) {
        Symbol symbol = ASTHelpers.getSymbol(field);
        return symbol != null && !symbol.isStatic() && field.getInitializer() == child
            ? current.getParentPath()
            : null;
      }
      if (leaf instanceof BlockTree block
          && current.getParentPath().getLeaf() instanceof ClassTree) {
        return block.isStatic() ? null : current.getParentPath();
      }
      if (leaf instanceof ClassTree) {
        return null;
      }
      child = leaf;
    }
    return null;
  }

  /** {@code Writer}, or {@code anonymous Runnable} for an anonymous class. */
  private static String nameOf(TreePath classPath) {
    Symbol.ClassSymbol type = ASTHelpers.getSymbol((ClassTree) classPath.getLeaf());
    if (type == null) {
      return "object";
    }
    if (!type.getSimpleName().isEmpty()) {
      return type.getSimpleName().toString();
    }
    Symbol implemented =
        !type.getInterfaces().isEmpty()
            ? type.getInterfaces().get(0).tsym
            : type.getSuperclass().tsym;
    return "anonymous " + (implemented == null ? "class" : implemented.getSimpleName());
  }

  private static TreePath classOf(TreePath method) {
    TreePath parent = method.getParentPath();
    return parent != null && parent.getLeaf() instanceof ClassTree ? parent : null;
  }

  /**
   * Why objects of the class at {@code classPath} are made per request or per item: an expression
   * of this file that creates one is hot (loops that start a fixed set of workers do not count, as
   * for threads); or, when no code of this file creates one, one of its constructors is hot, which
   * the module index can tell across classes.
   */
  private static Optional<HotContext> constructionContext(
      TreePath classPath, VisitorState state, OomGuardFlags flags) {
    TreePath parent = classPath.getParentPath();
    if (parent != null && parent.getLeaf() instanceof NewClassTree) {
      return SpawnSites.hotContext(parent, state, flags); // an anonymous class
    }
    Symbol type = ASTHelpers.getSymbol((ClassTree) classPath.getLeaf());
    if (type == null) {
      return Optional.empty();
    }
    List<TreePath> creations = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitNewClass(NewClassTree creation, Void unused) {
        Symbol created = ASTHelpers.getSymbol(creation.getIdentifier());
        if (creation.getClassBody() == null && type.equals(created)) {
          creations.add(getCurrentPath());
        }
        return super.visitNewClass(creation, null);
      }
    }.scan(classPath.getCompilationUnit(), null);
    if (!creations.isEmpty()) {
      return creations.stream()
          .map(creation -> SpawnSites.hotContext(creation, state, flags))
          .flatMap(Optional::stream)
          .findFirst();
    }
    for (Tree member : ((ClassTree) classPath.getLeaf()).getMembers()) {
      if (member instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        if (symbol != null && symbol.isConstructor()) {
          Optional<HotContext> hot = HotPaths.of(new TreePath(classPath, method), state, flags);
          if (hot.isPresent()) {
            return hot;
          }
        }
      }
    }
    return Optional.empty();
  }
}
