package io.oomguard.checker.executors;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.oomguard.checker.hotpath.Loops;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.ElementKind;

/**
 * What becomes of a thread pool (or {@code Timer}) created inside a method: does it escape the
 * method, is it shut down on every path, or is it abandoned with its threads still running?
 *
 * <p>The rules, precision first:
 *
 * <ul>
 *   <li>It <em>escapes</em> (and is someone else's business) when it is returned, assigned to
 *       anything but its own variable, passed to a method or constructor (other than {@code
 *       CompletableFuture}'s {@code *Async} methods, which only run tasks on it), or captured by a
 *       lambda or class that may outlive the call (lambdas run per element by {@code forEach},
 *       {@code map}, ... do not count).
 *   <li>It is <em>shut down on every path</em> when it is a try-with-resources resource, or {@code
 *       shutdown}, {@code shutdownNow}, {@code close} (or a timer's {@code cancel}) is called on it
 *       in a {@code finally} block, or in a lambda (a completion callback: trusted), or as a
 *       statement of the block that declares it, with nothing before that call in the block that
 *       can leave it: a {@code return}, {@code throw} or {@code break} not preceded by a shutdown,
 *       or a call declared to throw a checked exception that is not caught there. Unchecked
 *       exceptions are not counted: any line can throw them, and flagging every shutdown outside
 *       {@code finally} would bury the real leaks.
 *   <li>A pool whose variable is followed by an endless loop ({@code while (true)}, {@code for
 *       (;;)}) lives as long as the method, by design.
 * </ul>
 */
public final class PoolLifecycle {
  /** What becomes of the pool. */
  public enum Fate {
    /** Returned, stored or handed on: its owner is elsewhere. */
    ESCAPES,
    /** Shut down (or closed) on every path. */
    SHUT_DOWN,
    /** Never shut down, and does not escape: its threads outlive the method. */
    NEVER_SHUT_DOWN,
    /** Shut down on some paths only ({@link Verdict#detail} says which path misses it). */
    NOT_ON_EVERY_PATH,
    /** A shape these rules do not understand; treated as fine. */
    UNKNOWN
  }

  /**
   * The fate of a pool, with the local variable that holds it (empty for a pool used in place, as
   * in {@code Executors.newSingleThreadExecutor().submit(task)}), for {@link
   * Fate#NOT_ON_EVERY_PATH} the path that misses the shutdown, in words, and, for {@link
   * Fate#SHUT_DOWN}, whether its threads end before the method returns ({@link #threadsEnd}).
   */
  public record Verdict(Fate fate, Optional<String> variable, String detail, boolean threadsEnd) {
    public Verdict(Fate fate, Optional<String> variable, String detail) {
      this(fate, variable, detail, false);
    }

    static Verdict of(Fate fate) {
      return new Verdict(fate, Optional.empty(), "");
    }

    Verdict ending(boolean threadsEnd) {
      return new Verdict(fate, variable, detail, threadsEnd);
    }
  }

  private static final ImmutableSet<String> SHUTDOWN_METHODS =
      ImmutableSet.of("shutdown", "shutdownNow", "close", "cancel");

  /** Shutdowns that end the threads too: interrupt them, wait for them, or cancel a timer. */
  private static final ImmutableSet<String> ENDING_METHODS =
      ImmutableSet.of("shutdownNow", "close", "cancel", "awaitTermination");

  /** Waits for the results of tasks. */
  private static final Matcher<ExpressionTree> FUTURE_WAIT =
      anyOf(
          instanceMethod().onDescendantOf("java.util.concurrent.Future").named("get"),
          instanceMethod().onDescendantOf("java.util.concurrent.CompletableFuture").named("join"));

  /** Runs tasks on the executor it is given without keeping it beyond the returned future. */
  private static final Matcher<ExpressionTree> COMPLETABLE_FUTURE_ASYNC =
      anyOf(
          staticMethod()
              .onClass("java.util.concurrent.CompletableFuture")
              .namedAnyOf("supplyAsync", "runAsync"),
          instanceMethod()
              .onDescendantOf("java.util.concurrent.CompletionStage")
              .withNameMatching(Pattern.compile(".*Async")));

  private PoolLifecycle() {}

  /** {@code shutdown}, {@code shutdownNow}, {@code close}, or a timer's {@code cancel}. */
  static boolean isShutdownMethod(String name) {
    return SHUTDOWN_METHODS.contains(name);
  }

  /** The local variable or field the object created at {@code creation} is stored in, if any. */
  public static Optional<String> holderName(TreePath creation) {
    TreePath parent = creation.getParentPath();
    while (parent.getLeaf() instanceof ParenthesizedTree) {
      parent = parent.getParentPath();
    }
    Symbol holder = null;
    if (parent.getLeaf() instanceof VariableTree variable) {
      holder = ASTHelpers.getSymbol(variable);
    } else if (parent.getLeaf() instanceof AssignmentTree assignment) {
      holder = ASTHelpers.getSymbol(assignment.getVariable());
    }
    return holder instanceof VarSymbol
        ? Optional.of(holder.getSimpleName().toString())
        : Optional.empty();
  }

  /**
   * The fate of the pool created by the expression at {@code creation}, followed through a
   * decorator that wraps it ({@code MoreExecutors.listeningDecorator(pool)}: the same threads).
   */
  public static Verdict of(TreePath creation, VisitorState state) {
    TreePath parent = creation.getParentPath();
    while (parent.getLeaf() instanceof ParenthesizedTree
        || isDecorator(parent.getLeaf(), creation.getLeaf(), state)) {
      if (!(parent.getLeaf() instanceof ParenthesizedTree)) {
        creation = parent;
      }
      parent = parent.getParentPath();
    }
    Tree parentLeaf = parent.getLeaf();
    if (parentLeaf instanceof MemberSelectTree select
        && parent.getParentPath().getLeaf() instanceof MethodInvocationTree) {
      // Used in place: `Executors.newSingleThreadExecutor().submit(task)`.
      return SHUTDOWN_METHODS.contains(select.getIdentifier().toString())
          ? Verdict.of(Fate.SHUT_DOWN)
          : Verdict.of(Fate.NEVER_SHUT_DOWN);
    }
    if (parentLeaf instanceof MethodInvocationTree call
        && call.getArguments().contains(creation.getLeaf())
        && COMPLETABLE_FUTURE_ASYNC.matches(call, state)) {
      // Also used in place: `CompletableFuture.runAsync(task, Executors.newFixedThreadPool(2))`.
      return Verdict.of(Fate.NEVER_SHUT_DOWN);
    }
    if (parentLeaf instanceof VariableTree variable) {
      VarSymbol symbol = ASTHelpers.getSymbol(variable);
      if (symbol == null) {
        return Verdict.of(Fate.UNKNOWN);
      }
      if (symbol.getKind() == ElementKind.RESOURCE_VARIABLE) {
        return Verdict.of(Fate.SHUT_DOWN);
      }
      if (symbol.getKind() != ElementKind.LOCAL_VARIABLE) {
        return Verdict.of(Fate.ESCAPES); // a field
      }
      return ofLocal(symbol, parent, creation.getLeaf(), state);
    }
    if (parentLeaf instanceof AssignmentTree assignment
        && parent.getParentPath().getLeaf() instanceof ExpressionStatementTree) {
      // `pool = Executors.newFixedThreadPool(n);` after `ExecutorService pool = null;`
      Symbol assigned = ASTHelpers.getSymbol(assignment.getVariable());
      if (assigned instanceof VarSymbol local && local.getKind() == ElementKind.LOCAL_VARIABLE) {
        return ofLocal(local, parent.getParentPath(), creation.getLeaf(), state);
      }
    }
    return Verdict.of(Fate.ESCAPES);
  }

  /** A call or constructor that takes the pool and returns an executor wrapping it. */
  private static boolean isDecorator(Tree parent, Tree pool, VisitorState state) {
    List<? extends ExpressionTree> arguments;
    if (parent instanceof MethodInvocationTree call) {
      arguments = call.getArguments();
    } else if (parent instanceof NewClassTree wrapper && wrapper.getClassBody() == null) {
      arguments = wrapper.getArguments();
    } else {
      return false;
    }
    com.sun.tools.javac.code.Type executor =
        state.getTypeFromString("java.util.concurrent.Executor");
    com.sun.tools.javac.code.Type result = ASTHelpers.getType(parent);
    return executor != null
        && result != null
        && arguments.stream().anyMatch(argument -> unparenthesized(argument) == pool)
        && ASTHelpers.isSubtype(result, executor, state)
        && !COMPLETABLE_FUTURE_ASYNC.matches((ExpressionTree) parent, state);
  }

  private static Tree unparenthesized(ExpressionTree tree) {
    ExpressionTree current = tree;
    while (current instanceof ParenthesizedTree parenthesized) {
      current = parenthesized.getExpression();
    }
    return current;
  }

  /**
   * The fate of the pool held in {@code variable}, whose value is set by the statement (or
   * declaration) at {@code anchor}.
   */
  private static Verdict ofLocal(
      VarSymbol variable, TreePath anchor, Tree creation, VisitorState state) {
    TreePath scope = enclosingScope(anchor);
    if (scope == null) {
      return Verdict.of(Fate.UNKNOWN);
    }
    Uses uses = new Uses(variable, creation, scope.getLeaf(), state);
    uses.scan(scope, null);
    String name = variable.getSimpleName().toString();
    if (uses.escapes) {
      return Verdict.of(Fate.ESCAPES);
    }
    if (uses.closedByTry) {
      return Verdict.of(Fate.SHUT_DOWN).ending(true); // close() waits for the tasks
    }
    if (uses.deferredShutdown) {
      return Verdict.of(Fate.SHUT_DOWN); // when a future completes: the method does not wait
    }
    if (uses.shutdowns.isEmpty()) {
      return new Verdict(
          livesAsLongAsTheMethod(anchor) ? Fate.UNKNOWN : Fate.NEVER_SHUT_DOWN,
          Optional.of(name),
          "");
    }
    boolean threadsEnd = uses.endsThreads || uses.onlyAwaitedSubmissions() || waits(scope, state);
    if (uses.shutdowns.stream().anyMatch(PoolLifecycle::isInFinally)) {
      return Verdict.of(Fate.SHUT_DOWN).ending(threadsEnd);
    }
    Optional<String> missed = EveryPath.missedPath(variable, anchor, uses.shutdowns, state);
    return missed
        .map(detail -> new Verdict(Fate.NOT_ON_EVERY_PATH, Optional.of(name), detail))
        .orElse(new Verdict(Fate.SHUT_DOWN, Optional.of(name), "", threadsEnd));
  }

  private static TreePath enclosingScope(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree) {
        return current;
      }
      if (leaf instanceof BlockTree
          && current.getParentPath() != null
          && current.getParentPath().getLeaf() instanceof ClassTree) {
        return current; // an initializer block
      }
    }
    return null;
  }

  /**
   * Whether the method waits for task results ({@code future.get()}, {@code join()}), in its own
   * body or in a method of the same file it calls.
   */
  private static boolean waits(TreePath scope, VisitorState state) {
    List<Symbol> callees = new ArrayList<>();
    if (containsWait(scope.getLeaf(), callees, state)) {
      return true;
    }
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree method, Void unused) {
        if (!found[0]
            && callees.contains(ASTHelpers.getSymbol(method))
            && method.getBody() != null
            && containsWait(method.getBody(), new ArrayList<>(), state)) {
          found[0] = true;
        }
        return found[0] ? null : super.visitMethod(method, null);
      }
    }.scan(scope.getCompilationUnit(), null);
    return found[0];
  }

  /** A future wait in {@code tree}; the methods it calls are added to {@code callees}. */
  private static boolean containsWait(Tree tree, List<Symbol> callees, VisitorState state) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (FUTURE_WAIT.matches(call, state)) {
          found[0] = true;
          return null;
        }
        Symbol callee = ASTHelpers.getSymbol(call);
        if (callee != null) {
          callees.add(callee);
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(tree, null);
    return found[0];
  }

  /** An endless loop later in the declaring block: the pool serves it until the process ends. */
  private static boolean livesAsLongAsTheMethod(TreePath anchor) {
    if (!(anchor.getParentPath().getLeaf() instanceof BlockTree block)) {
      return false;
    }
    List<? extends StatementTree> statements = block.getStatements();
    int index = statements.indexOf(anchor.getLeaf());
    return index >= 0
        && statements.subList(index + 1, statements.size()).stream()
            .anyMatch(EveryPath::isEndlessLoop);
  }

  /** Whether a shutdown call sits in a {@code finally} block (of the same method or lambda). */
  private static boolean isInFinally(TreePath call) {
    Tree child = call.getLeaf();
    for (TreePath current = call.getParentPath();
        current != null;
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof TryTree tryTree && child == tryTree.getFinallyBlock()) {
        return true;
      }
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree) {
        return false;
      }
      child = leaf;
    }
    return false;
  }

  /** Classifies every read of the pool's variable in its scope. */
  private static final class Uses extends TreePathScanner<Void, Void> {
    private final VarSymbol variable;
    private final Tree creation;
    private final Tree scope;
    private final VisitorState state;
    boolean escapes;
    boolean closedByTry;
    boolean deferredShutdown;
    final List<TreePath> shutdowns = new ArrayList<>();

    /** A call that ends the threads: {@code shutdownNow}, {@code awaitTermination}, ... */
    boolean endsThreads;

    private int awaitedSubmissions;
    private int otherSubmissions;

    /** Every task goes in through {@code invokeAll} / {@code invokeAny}, which wait for it. */
    boolean onlyAwaitedSubmissions() {
      return awaitedSubmissions > 0 && otherSubmissions == 0;
    }

    Uses(VarSymbol variable, Tree creation, Tree scope, VisitorState state) {
      this.variable = variable;
      this.creation = creation;
      this.scope = scope;
      this.state = state;
    }

    @Override
    public Void visitAssignment(AssignmentTree tree, Void unused) {
      if (variable.equals(ASTHelpers.getSymbol(tree.getVariable()))
          && tree.getExpression() != creation
          && !(tree.getExpression() instanceof LiteralTree)) {
        escapes = true; // reassigned: which pool is shut down is no longer clear
      }
      scan(tree.getExpression(), null);
      return null; // the assigned variable itself is not a read
    }

    @Override
    public Void visitIdentifier(IdentifierTree tree, Void unused) {
      if (variable.equals(ASTHelpers.getSymbol(tree))) {
        classify(getCurrentPath());
      }
      return null;
    }

    private void classify(TreePath read) {
      TreePath parentPath = read.getParentPath();
      Tree parent = parentPath.getLeaf();
      boolean deferred = isInDeferredCode(read);
      if (parent instanceof MemberSelectTree select
          && parentPath.getParentPath().getLeaf() instanceof MethodInvocationTree call
          && call.getMethodSelect() == select) {
        String method = select.getIdentifier().toString();
        endsThreads |= !deferred && ENDING_METHODS.contains(method);
        if (method.equals("invokeAll") || method.equals("invokeAny")) {
          awaitedSubmissions++;
        } else if (method.startsWith("submit") || method.startsWith("execute")) {
          otherSubmissions++;
        }
        if (SHUTDOWN_METHODS.contains(method)) {
          if (deferred) {
            deferredShutdown = true; // e.g. in a whenComplete callback
          } else {
            shutdowns.add(parentPath.getParentPath());
          }
        } else if (deferred) {
          escapes = true; // captured by code that may run after the method returns
        }
        return;
      }
      if (parent instanceof MemberReferenceTree reference) {
        // `tasks.forEach(pool::submit)`; `future.whenComplete(..., pool::shutdown)`
        if (SHUTDOWN_METHODS.contains(reference.getName().toString())) {
          deferredShutdown = true;
        } else if (deferred
            || !Loops.runsPerIteration(parentPath.getParentPath().getLeaf(), reference, state)) {
          escapes = true;
        }
        return;
      }
      if (parent instanceof TryTree) {
        closedByTry = true; // Java 9 `try (pool) { ... }`
        return;
      }
      if (parent instanceof BinaryTree || parent instanceof InstanceOfTree) {
        return; // `pool != null`
      }
      if (parent instanceof MethodInvocationTree call
          && call.getArguments().contains(read.getLeaf())
          && COMPLETABLE_FUTURE_ASYNC.matches(call, state)
          && !deferred) {
        return;
      }
      escapes = true; // returned, stored, passed on, or captured by a method reference
    }

    /** Inside a lambda or class body that may run after the method returns. */
    private boolean isInDeferredCode(TreePath read) {
      Tree child = read.getLeaf();
      for (TreePath current = read.getParentPath();
          current != null && child != scope;
          current = current.getParentPath()) {
        Tree leaf = current.getLeaf();
        if (child instanceof LambdaExpressionTree || child instanceof MemberReferenceTree) {
          if (!Loops.runsPerIteration(leaf, child, state)) {
            return true;
          }
        } else if (child instanceof ClassTree && leaf instanceof NewClassTree anonymous) {
          if (!Loops.runsPerIteration(current.getParentPath().getLeaf(), anonymous, state)) {
            return true;
          }
        } else if (child instanceof ClassTree) {
          return true; // a local class
        }
        child = leaf;
      }
      return false;
    }
  }
}
