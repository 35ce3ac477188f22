package io.oomguard.checker.executors;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.oomguard.checker.OwnCode;
import io.oomguard.checker.hotpath.Loops;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;

/**
 * Where a new executor goes and every place in its file that hands it work.
 *
 * <p>The executor is followed from its creation through parentheses, casts, decorators (a call that
 * takes it and returns an {@code Executor}, such as Guava's {@code listeningDecorator}) and the
 * local variables and fields it is stored in. A queue only grows when tasks arrive while the
 * application runs, so each submission ({@code execute}, {@code submit*}, {@code invokeAll}, {@code
 * schedule*}, a method reference to one of them, {@code CompletableFuture.*Async(.., pool)}) is
 * told apart by when it runs (start-up code, or at run time) and by what bounds it: the caller
 * waits for it, a semaphore or a count of pending futures throttles it, it is cancelled, or a check
 * of the object's state schedules it only once. An executor handed to code out of sight (returned,
 * passed on, kept in a field other classes can read) is reported as escaping: whoever receives it
 * may give it tasks at any time.
 */
public final class Submissions {
  /** How a submission hands over its task. */
  public enum Kind {
    /** Run as soon as a thread is free: {@code execute}, {@code submit}, {@code invokeAll}. */
    IMMEDIATE,
    /** Run once after a delay: {@code schedule}. */
    DELAYED,
    /** Run again and again: {@code scheduleAtFixedRate}, {@code scheduleWithFixedDelay}. */
    PERIODIC
  }

  /** Where an executor goes that code out of sight may feed. */
  public enum Escape {
    /** Returned from a method (a factory, a {@code @Bean}, a provider). */
    RETURNED,
    /** Passed to a method or constructor, or stored where the file does not follow it. */
    HANDED_ON,
    /** Kept in a field that other classes can read. */
    SHARED_FIELD
  }

  /** What holds the executor. */
  public enum Holder {
    /** Nothing: it is used once, in place ({@code Executors.newFixedThreadPool(2).submit(t)}). */
    NONE,
    /** Local variables of one method only. */
    LOCAL,
    /** A field. */
    FIELD
  }

  /**
   * One place that hands the executor a task.
   *
   * @param site the call (or method reference) that submits
   * @param kind how the task is handed over
   * @param atStartUp whether the site runs at start-up ({@link StartupCode}), or only in private
   *     methods that start-up code alone calls
   * @param awaited whether the submitting code waits for the task before going on ({@code
   *     invokeAll}, {@code invokeAny}, {@code submit(..).get()})
   * @param throttled whether the submitting code holds back when too much is pending: a {@code
   *     Semaphore} acquired in the same method, or a loop that counts or waits for the futures it
   *     submitted
   * @param inSourceLoop whether the site runs per iteration of a loop that pulls items from a
   *     source rather than walking a collection it holds: a {@code while} or {@code do} loop, an
   *     endless {@code for}, a for-each over an {@code Iterable} that is not a collection
   * @param cancelled for {@link Kind#DELAYED}: whether the future it returns is cancelled somewhere
   *     in the file
   * @param kept for {@link Kind#PERIODIC}: whether the handle of the earlier task is checked or
   *     cancelled before scheduling again, or kept where it can be cancelled (a local, a
   *     collection, the caller)
   * @param replacesItself whether a task submits itself again ({@code submit(this)} in its own
   *     {@code run}): one task follows the other, never two at once
   */
  public record Submission(
      TreePath site,
      Kind kind,
      boolean atStartUp,
      boolean awaited,
      boolean throttled,
      boolean inSourceLoop,
      boolean cancelled,
      boolean kept,
      boolean replacesItself) {}

  /**
   * What the code does with one new executor.
   *
   * @param holder what holds it
   * @param escape how code out of sight can reach it, if it can
   * @param submissions every submission the file makes to it
   * @param removesCancelledTasks whether {@code setRemoveOnCancelPolicy(true)} is called on it
   */
  public record Uses(
      Holder holder,
      Optional<Escape> escape,
      ImmutableList<Submission> submissions,
      boolean removesCancelledTasks) {}

  /** Methods that run a task on the executor they are given, without keeping it. */
  private static final Matcher<ExpressionTree> RUNS_ON_EXECUTOR =
      anyOf(
          staticMethod()
              .onClass("java.util.concurrent.CompletableFuture")
              .namedAnyOf("supplyAsync", "runAsync"),
          instanceMethod()
              .onDescendantOf("java.util.concurrent.CompletionStage")
              .withNameMatching(java.util.regex.Pattern.compile(".*Async")));

  /** Taking a permit: {@code Semaphore}, Guava's {@code RateLimiter}, a project's own limiter. */
  private static final ImmutableSet<String> PERMIT_METHODS =
      ImmutableSet.of("acquire", "acquireUninterruptibly", "tryAcquire");

  private static final Matcher<ExpressionTree> FUTURE_WAIT =
      anyOf(
          instanceMethod().onDescendantOf("java.util.concurrent.Future").named("get"),
          instanceMethod().onDescendantOf("java.util.concurrent.CompletableFuture").named("join"));

  private static final String EXECUTOR = "java.util.concurrent.Executor";

  private Submissions() {}

  /** What the code does with the executor the expression at {@code creation} creates. */
  public static Uses of(TreePath creation, VisitorState state) {
    Collector collector = new Collector(state);
    collector.follow(creation);
    while (!collector.pending.isEmpty()) {
      collector.followReads(collector.pending.pop());
    }
    return new Uses(
        collector.holder,
        Optional.ofNullable(collector.escape),
        collector.submissions.stream()
            .map(site -> collector.describe(site.path(), site.kind()))
            .collect(ImmutableList.toImmutableList()),
        collector.removesCancelledTasks);
  }

  private record Site(TreePath path, Kind kind) {}

  /** Follows the executor through the file, one value or variable read at a time. */
  private static final class Collector {
    private final VisitorState state;
    private final Set<Symbol> holders = new HashSet<>();
    final Deque<VarSymbol> pending = new ArrayDeque<>();
    final List<Site> submissions = new ArrayList<>();
    Holder holder = Holder.NONE;
    Escape escape;
    boolean removesCancelledTasks;

    Collector(VisitorState state) {
      this.state = state;
    }

    /** Classifies the value at {@code valuePath}: stored, returned, passed, or called on. */
    void follow(TreePath valuePath) {
      TreePath path = valuePath;
      while (true) {
        Tree parent = path.getParentPath().getLeaf();
        Tree leaf = path.getLeaf();
        if (parent instanceof ParenthesizedTree
            || parent instanceof TypeCastTree
            || (parent instanceof ConditionalExpressionTree conditional
                && conditional.getCondition() != leaf)
            || isDecorator(parent, leaf)) {
          path = path.getParentPath();
          continue;
        }
        break;
      }
      TreePath parentPath = path.getParentPath();
      Tree parent = parentPath.getLeaf();
      Tree value = path.getLeaf();
      if (parent instanceof VariableTree variable && variable.getInitializer() == value) {
        hold(ASTHelpers.getSymbol(variable));
      } else if (parent instanceof AssignmentTree assignment
          && assignment.getExpression() == value) {
        Symbol assigned = ASTHelpers.getSymbol(assignment.getVariable());
        if (assigned instanceof VarSymbol variable
            && (assignment.getVariable() instanceof IdentifierTree
                || assignment.getVariable() instanceof MemberSelectTree)) {
          hold(variable);
        } else {
          escape(Escape.HANDED_ON); // an array element
        }
      } else if (parent instanceof ReturnTree || parent instanceof LambdaExpressionTree) {
        escape(Escape.RETURNED);
      } else if (parent instanceof MemberSelectTree select
          && parentPath.getParentPath().getLeaf() instanceof MethodInvocationTree call
          && call.getMethodSelect() == select) {
        calledOn(parentPath.getParentPath(), call, select.getIdentifier().toString());
      } else if (parent instanceof MemberReferenceTree reference) {
        kindOf(reference.getName().toString())
            .ifPresent(kind -> submissions.add(new Site(parentPath, kind)));
      } else if (parent instanceof ExpressionStatementTree && isConstructorCall(value)) {
        escape(Escape.HANDED_ON); // `super(...)` of a pool subclass: its creator has the pool
      } else if (parent instanceof MethodInvocationTree call
          && call.getArguments().contains(value)) {
        VarSymbol parameter =
            delegatedParameter(ASTHelpers.getSymbol(call), call.getArguments(), value);
        if (RUNS_ON_EXECUTOR.matches(call, state)) {
          submissions.add(new Site(parentPath, Kind.IMMEDIATE));
        } else if (parameter != null) {
          hold(parameter); // `this(.., pool)`: the parameter of a constructor of this file
        } else if (!stopsIt(call)) {
          escape(Escape.HANDED_ON);
        }
      } else if (parent instanceof NewClassTree creation
          && creation.getClassBody() == null
          && creation.getArguments().contains(value)) {
        VarSymbol parameter =
            delegatedParameter(ASTHelpers.getSymbol(creation), creation.getArguments(), value);
        if (parameter != null) {
          hold(parameter); // `new Writer(.., pool)` of a class of this file
        } else {
          escape(Escape.HANDED_ON);
        }
      } else if (!(parent instanceof BinaryTree
          || parent instanceof InstanceOfTree
          || parent instanceof ExpressionStatementTree
          || parent instanceof SynchronizedTree)) {
        escape(Escape.HANDED_ON); // a constructor argument, an array, a shape not followed
      }
    }

    /**
     * A helper that shuts the executor down ({@code shutdownQuietly(pool)}, {@code
     * shutdownAndAwaitTermination(pool, ..)}, {@code closeQuietly(pool)}): it takes no work.
     */
    private static boolean stopsIt(MethodInvocationTree call) {
      Symbol method = ASTHelpers.getSymbol(call);
      if (method == null) {
        return false;
      }
      String name = method.getSimpleName().toString().toLowerCase(java.util.Locale.ROOT);
      return name.contains("shutdown")
          || name.contains("close")
          || name.contains("stop")
          || name.contains("terminat");
    }

    /**
     * For a constructor declared in this file ({@code this(..)}, {@code super(..)}, {@code new
     * Writer(..)}), the parameter that receives {@code argument}; null otherwise.
     */
    private VarSymbol delegatedParameter(
        MethodSymbol constructor, List<? extends ExpressionTree> arguments, Tree argument) {
      if (constructor == null || !constructor.isConstructor() || constructor.isVarArgs()) {
        return null;
      }
      int index = arguments.indexOf(argument);
      MethodTree declaration = declarationInFile(constructor);
      return declaration == null || index < 0 || index >= declaration.getParameters().size()
          ? null
          : ASTHelpers.getSymbol(declaration.getParameters().get(index));
    }

    private static boolean isConstructorCall(Tree value) {
      return value instanceof MethodInvocationTree call
          && ASTHelpers.getSymbol(call) != null
          && ASTHelpers.getSymbol(call).isConstructor();
    }

    /** A call that takes the executor and returns an executor wraps it: the same queue. */
    private boolean isDecorator(Tree parent, Tree value) {
      List<? extends ExpressionTree> arguments;
      if (parent instanceof MethodInvocationTree call) {
        arguments = call.getArguments();
      } else if (parent instanceof NewClassTree creation && creation.getClassBody() == null) {
        arguments = creation.getArguments();
      } else {
        return false;
      }
      Type executor = state.getTypeFromString(EXECUTOR);
      Type result = ASTHelpers.getType(parent);
      return arguments.contains(value)
          && executor != null
          && result != null
          && ASTHelpers.isSubtype(result, executor, state)
          && !RUNS_ON_EXECUTOR.matches((ExpressionTree) parent, state);
    }

    private void hold(VarSymbol variable) {
      if (variable == null) {
        escape(Escape.HANDED_ON);
        return;
      }
      if (!holders.add(variable)) {
        return;
      }
      if (variable.getKind() == ElementKind.FIELD) {
        holder = Holder.FIELD;
        if (isShared(variable)) {
          escape(Escape.SHARED_FIELD);
        }
      } else if (holder == Holder.NONE) {
        holder = Holder.LOCAL;
      }
      pending.push(variable);
    }

    private void escape(Escape how) {
      if (escape == null) {
        escape = how;
      }
    }

    private void calledOn(TreePath callPath, MethodInvocationTree call, String name) {
      Optional<Kind> kind = kindOf(name);
      if (kind.isPresent()) {
        submissions.add(new Site(callPath, kind.get()));
      } else if (name.equals("setRemoveOnCancelPolicy")
          && call.getArguments().size() == 1
          && Boolean.TRUE.equals(ASTHelpers.constValue(call.getArguments().get(0)))) {
        removesCancelledTasks = true;
      }
    }

    /** Every read of {@code variable} in the file, classified like the creation itself. */
    void followReads(VarSymbol variable) {
      List<TreePath> reads = new ArrayList<>();
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitIdentifier(IdentifierTree tree, Void unused) {
          collect(tree);
          return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
          collect(tree);
          return super.visitMemberSelect(tree, null);
        }

        private void collect(ExpressionTree tree) {
          if (!variable.equals(ASTHelpers.getSymbol(tree))) {
            return;
          }
          Tree parent = getCurrentPath().getParentPath().getLeaf();
          boolean written =
              (parent instanceof AssignmentTree assignment && assignment.getVariable() == tree)
                  || (parent instanceof CompoundAssignmentTree compound
                      && compound.getVariable() == tree);
          if (!written) {
            reads.add(getCurrentPath());
          }
        }
      }.scan(state.getPath().getCompilationUnit(), null);
      reads.forEach(this::follow);
    }

    /** The facts of one submission. */
    Submission describe(TreePath site, Kind kind) {
      TreePath loop = enclosingLoop(site);
      return new Submission(
          site,
          kind,
          atStartUp(site, 0),
          isAwaited(site),
          isThrottled(site, loop),
          loop != null && isSourceLoop(loop),
          kind == Kind.DELAYED && isCancelled(site),
          kind == Kind.PERIODIC && isKept(site),
          kind != Kind.PERIODIC && submitsThis(site));
    }

    // When a submission runs.

    /**
     * Start-up code, a private method only start-up code calls, or a task that start-up code hands
     * to a thread or executor to run once (a background initialization).
     */
    private boolean atStartUp(TreePath path, int depth) {
      if (StartupCode.contains(path, state) || inStartUpOnlyMethod(path, new HashSet<>())) {
        return true;
      }
      if (depth > 2) {
        return false;
      }
      TreePath task = enclosingTask(path);
      List<TreePath> runs = task == null ? List.of() : oneShotRuns(task);
      return !runs.isEmpty() && runs.stream().allMatch(run -> atStartUp(run, depth + 1));
    }

    /** The lambda or anonymous class creation whose body holds {@code path}, if any. */
    private static TreePath enclosingTask(TreePath path) {
      for (TreePath current = path.getParentPath();
          current != null;
          current = current.getParentPath()) {
        Tree leaf = current.getLeaf();
        if (leaf instanceof LambdaExpressionTree) {
          return current;
        }
        if (leaf instanceof ClassTree) {
          TreePath parent = current.getParentPath();
          return parent != null && parent.getLeaf() instanceof NewClassTree ? parent : null;
        }
      }
      return null;
    }

    /**
     * Where the task at {@code task} is handed over to run once: {@code new Thread(task)}, an
     * executor's {@code execute} / {@code submit}, {@code CompletableFuture.runAsync}; also through
     * a local variable whose every use is such a hand-over. Empty when it is used any other way (a
     * listener, a periodic job: code that runs again and again).
     */
    private List<TreePath> oneShotRuns(TreePath task) {
      TreePath value = task;
      while (value.getParentPath().getLeaf() instanceof ParenthesizedTree) {
        value = value.getParentPath();
      }
      Tree parent = value.getParentPath().getLeaf();
      if (parent instanceof VariableTree variable && variable.getInitializer() == value.getLeaf()) {
        Symbol local = ASTHelpers.getSymbol(variable);
        if (local == null || local.getKind() != ElementKind.LOCAL_VARIABLE) {
          return List.of();
        }
        List<TreePath> runs = new ArrayList<>();
        boolean[] other = {false};
        new TreePathScanner<Void, Void>() {
          @Override
          public Void visitIdentifier(IdentifierTree identifier, Void unused) {
            if (local.equals(ASTHelpers.getSymbol(identifier))) {
              TreePath run = oneShotRun(getCurrentPath());
              if (run == null) {
                other[0] = true;
              } else {
                runs.add(run);
              }
            }
            return null;
          }
        }.scan(value.getParentPath().getParentPath(), null);
        return other[0] ? List.of() : runs;
      }
      TreePath run = oneShotRun(value);
      return run == null ? List.of() : List.of(run);
    }

    /** The hand-over that runs the task at {@code value} once, or null. */
    private TreePath oneShotRun(TreePath value) {
      TreePath parentPath = value.getParentPath();
      Tree parent = parentPath.getLeaf();
      Type threadType = state.getTypeFromString("java.lang.Thread");
      if (parent instanceof NewClassTree thread
          && thread.getArguments().contains(value.getLeaf())
          && ASTHelpers.getType(thread) != null
          && threadType != null
          && ASTHelpers.isSubtype(ASTHelpers.getType(thread), threadType, state)) {
        return parentPath;
      }
      if (parent instanceof MethodInvocationTree call
          && call.getArguments().contains(value.getLeaf())
          && ASTHelpers.getSymbol(call) != null) {
        String name = ASTHelpers.getSymbol(call).getSimpleName().toString();
        boolean once =
            RUNS_ON_EXECUTOR.matches(call, state)
                || name.equals("execute")
                || name.equals("submit")
                || name.equals("startVirtualThread");
        return once ? parentPath : null;
      }
      return null;
    }

    /** In a private method that only start-up code calls, directly or through such methods. */
    private boolean inStartUpOnlyMethod(TreePath site, Set<MethodSymbol> seen) {
      MethodTree method = enclosingMethod(site);
      MethodSymbol symbol = method == null ? null : ASTHelpers.getSymbol(method);
      if (symbol == null
          || !symbol.getModifiers().contains(Modifier.PRIVATE)
          || !seen.add(symbol)) {
        return false;
      }
      List<TreePath> callers = new ArrayList<>();
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
          if (symbol.equals(ASTHelpers.getSymbol(tree))) {
            callers.add(getCurrentPath());
          }
          return super.visitMethodInvocation(tree, null);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
          if (symbol.equals(ASTHelpers.getSymbol(tree))) {
            callers.add(getCurrentPath());
          }
          return super.visitMemberReference(tree, null);
        }
      }.scan(state.getPath().getCompilationUnit(), null);
      return callers.stream()
          .allMatch(
              caller -> StartupCode.contains(caller, state) || inStartUpOnlyMethod(caller, seen));
    }

    /** The method whose body holds {@code path}, not looking past a lambda or a class. */
    private static MethodTree enclosingMethod(TreePath path) {
      for (TreePath current = path; current != null; current = current.getParentPath()) {
        Tree leaf = current.getLeaf();
        if (leaf instanceof MethodTree method) {
          return method;
        }
        if (leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
          return null;
        }
      }
      return null;
    }

    // What bounds a submission.

    /** {@code executor.submit(this)}: the task hands itself over again. */
    private static boolean submitsThis(TreePath site) {
      return site.getLeaf() instanceof MethodInvocationTree call
          && !call.getArguments().isEmpty()
          && call.getArguments().get(0) instanceof IdentifierTree argument
          && argument.getName().contentEquals("this");
    }

    /** {@code invokeAll}, {@code invokeAny}, or {@code submit(task).get()} / {@code .join()}. */
    private boolean isAwaited(TreePath site) {
      if (site.getLeaf() instanceof MethodInvocationTree call
          && ASTHelpers.getSymbol(call) != null) {
        String name = ASTHelpers.getSymbol(call).getSimpleName().toString();
        if (name.equals("invokeAll") || name.equals("invokeAny")) {
          return true;
        }
      }
      TreePath parent = site.getParentPath();
      while (parent.getLeaf() instanceof ParenthesizedTree) {
        parent = parent.getParentPath();
      }
      return parent.getLeaf() instanceof MemberSelectTree select
          && parent.getParentPath().getLeaf() instanceof MethodInvocationTree wait
          && wait.getArguments().isEmpty()
          && (select.getIdentifier().contentEquals("get")
              || select.getIdentifier().contentEquals("join"));
    }

    /**
     * A semaphore acquired in the submitting method, or a loop around the submission that counts
     * the futures it keeps ({@code futures.size() >= max}) or waits for futures.
     */
    private boolean isThrottled(TreePath site, TreePath loop) {
      MethodTree method = ASTHelpers.findEnclosingNode(site, MethodTree.class);
      if (method != null
          && method.getBody() != null
          && contains(method.getBody(), Collector::acquires)) {
        return true;
      }
      if (loop == null) {
        return false;
      }
      Tree body = loopBody(loop.getLeaf());
      if (body == null) {
        return false;
      }
      if (contains(body, tree -> tree != site.getLeaf() && waitsForFuture(tree))) {
        return true;
      }
      Symbol kept = collectionKeeping(site, body);
      return kept != null && contains(body, tree -> comparesSizeOf(tree, kept));
    }

    /** A permit or rate check: a semaphore's, a rate limiter's ({@code acquire}, ...). */
    private static boolean acquires(Tree tree) {
      if (!(tree instanceof MethodInvocationTree call)) {
        return false;
      }
      Symbol method = ASTHelpers.getSymbol(call);
      return method != null && PERMIT_METHODS.contains(method.getSimpleName().toString());
    }

    private boolean waitsForFuture(Tree tree) {
      return tree instanceof MethodInvocationTree call && FUTURE_WAIT.matches(call, state);
    }

    /** The collection the submission's future is added to, directly or through a local. */
    private Symbol collectionKeeping(TreePath site, Tree loopBody) {
      Tree parent = site.getParentPath().getLeaf();
      Symbol future = null;
      if (parent instanceof VariableTree variable && variable.getInitializer() == site.getLeaf()) {
        future = ASTHelpers.getSymbol(variable);
      } else if (parent instanceof MethodInvocationTree add) {
        return addedTo(add);
      }
      if (future == null) {
        return null;
      }
      Symbol localFuture = future;
      Symbol[] collection = {null};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          if (call.getArguments().size() == 1
              && localFuture.equals(ASTHelpers.getSymbol(call.getArguments().get(0)))) {
            Symbol target = addedTo(call);
            if (target != null) {
              collection[0] = target;
            }
          }
          return super.visitMethodInvocation(call, null);
        }
      }.scan(loopBody, null);
      return collection[0];
    }

    /** The receiver of {@code c.add(x)} / {@code c.offer(x)}, or null. */
    private static Symbol addedTo(MethodInvocationTree call) {
      Symbol method = ASTHelpers.getSymbol(call);
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      return method != null
              && receiver != null
              && (method.getSimpleName().contentEquals("add")
                  || method.getSimpleName().contentEquals("offer"))
          ? ASTHelpers.getSymbol(receiver)
          : null;
    }

    /** {@code kept.size()} inside a comparison. */
    private static boolean comparesSizeOf(Tree tree, Symbol kept) {
      if (!(tree instanceof BinaryTree comparison)) {
        return false;
      }
      return isSizeOf(comparison.getLeftOperand(), kept)
          || isSizeOf(comparison.getRightOperand(), kept);
    }

    private static boolean isSizeOf(ExpressionTree operand, Symbol kept) {
      return operand instanceof MethodInvocationTree call
          && call.getArguments().isEmpty()
          && ASTHelpers.getSymbol(call) != null
          && ASTHelpers.getSymbol(call).getSimpleName().contentEquals("size")
          && ASTHelpers.getReceiver(call) != null
          && kept.equals(ASTHelpers.getSymbol(ASTHelpers.getReceiver(call)));
    }

    /** The future of a {@code schedule} call is stored and {@code cancel} is called on it. */
    private boolean isCancelled(TreePath site) {
      Symbol future = storedIn(site);
      return future != null
          && contains(
              state.getPath().getCompilationUnit(),
              tree ->
                  tree instanceof MethodInvocationTree call
                      && ASTHelpers.getSymbol(call) != null
                      && ASTHelpers.getSymbol(call).getSimpleName().contentEquals("cancel")
                      && ASTHelpers.getReceiver(call) != null
                      && future.equals(ASTHelpers.getSymbol(ASTHelpers.getReceiver(call))));
    }

    /**
     * Whether a periodic task is scheduled once, or its handle kept where it can be cancelled:
     * returned or passed on (the caller keeps it), in a local that is read, or scheduled by a
     * method that checks state it updates itself (the field it keeps the handle in, a running flag)
     * or cancels first. A handle overwritten or dropped without such a check is lost.
     */
    private boolean isKept(TreePath site) {
      TreePath parent = site.getParentPath();
      while (parent.getLeaf() instanceof ParenthesizedTree) {
        parent = parent.getParentPath();
      }
      Tree leaf = parent.getLeaf();
      if (leaf instanceof ReturnTree || leaf instanceof MethodInvocationTree) {
        return true;
      }
      Symbol future = storedIn(site);
      if (future != null && future.getKind() != ElementKind.FIELD) {
        return isRead(future);
      }
      // In a field, or dropped: only a check of the object's own state schedules it once.
      MethodTree method = ASTHelpers.findEnclosingNode(site, MethodTree.class);
      return method != null && method.getBody() != null && checksOwnState(method);
    }

    /** A condition in {@code method} reads a field the method writes (the handle, a flag). */
    private boolean checksOwnState(MethodTree method) {
      Set<Symbol> written = new HashSet<>();
      List<ExpressionTree> conditions = new ArrayList<>();
      new OwnCode.Scanner<Void, Void>() {
        @Override
        public Void visitAssignment(AssignmentTree tree, Void unused) {
          Symbol target = ASTHelpers.getSymbol(tree.getVariable());
          if (target != null && target.getKind() == ElementKind.FIELD) {
            written.add(target);
          }
          return super.visitAssignment(tree, null);
        }

        @Override
        public Void visitIf(IfTree tree, Void unused) {
          conditions.add(tree.getCondition());
          return super.visitIf(tree, null);
        }

        @Override
        public Void visitConditionalExpression(ConditionalExpressionTree tree, Void unused) {
          conditions.add(tree.getCondition());
          return super.visitConditionalExpression(tree, null);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
          // `future.cancel(false)` before scheduling again
          if (ASTHelpers.getSymbol(tree) != null
              && ASTHelpers.getSymbol(tree).getSimpleName().contentEquals("cancel")) {
            conditions.add(tree);
          }
          return super.visitMethodInvocation(tree, null);
        }
      }.scan(method.getBody(), null);
      Set<Symbol> read = new HashSet<>();
      conditions.forEach(condition -> fieldsRead(condition, read, new HashSet<>(), 0));
      return read.stream().anyMatch(written::contains);
    }

    /** The fields {@code tree} reads, also in the bodies of the file's methods it calls. */
    private void fieldsRead(Tree tree, Set<Symbol> read, Set<Symbol> seen, int depth) {
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitIdentifier(IdentifierTree identifier, Void unused) {
          addField(identifier);
          return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree select, Void unused) {
          addField(select);
          return super.visitMemberSelect(select, null);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          MethodSymbol callee = ASTHelpers.getSymbol(call);
          MethodTree body = callee == null ? null : declarationInFile(callee);
          if (body != null && body.getBody() != null && depth < 3 && seen.add(callee)) {
            fieldsRead(body.getBody(), read, seen, depth + 1);
          }
          return super.visitMethodInvocation(call, null);
        }

        private void addField(ExpressionTree expression) {
          Symbol symbol = ASTHelpers.getSymbol(expression);
          if (symbol != null && symbol.getKind() == ElementKind.FIELD) {
            read.add(symbol);
          }
        }
      }.scan(tree, null);
    }

    private MethodTree declarationInFile(MethodSymbol method) {
      MethodTree[] found = {null};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethod(MethodTree tree, Void unused) {
          if (method.equals(ASTHelpers.getSymbol(tree))) {
            found[0] = tree;
          }
          return found[0] == null ? super.visitMethod(tree, null) : null;
        }
      }.scan(state.getPath().getCompilationUnit(), null);
      return found[0];
    }

    /** The variable or field a submission's future is assigned to, or null. */
    private static Symbol storedIn(TreePath site) {
      TreePath parent = site.getParentPath();
      while (parent.getLeaf() instanceof ParenthesizedTree
          || parent.getLeaf() instanceof TypeCastTree) {
        parent = parent.getParentPath();
      }
      Tree leaf = parent.getLeaf();
      if (leaf instanceof VariableTree variable) {
        return ASTHelpers.getSymbol(variable);
      }
      if (leaf instanceof AssignmentTree assignment) {
        Symbol target = ASTHelpers.getSymbol(assignment.getVariable());
        return target instanceof VarSymbol ? target : null;
      }
      return null;
    }

    private boolean isRead(Symbol variable) {
      return contains(
          state.getPath().getCompilationUnit(),
          tree ->
              (tree instanceof IdentifierTree || tree instanceof MemberSelectTree)
                  && variable.equals(ASTHelpers.getSymbol(tree)));
    }

    // Loops.

    /**
     * The loop (or iteration call) that runs the code at {@code path} per iteration, within its
     * method: a lambda handed to an iteration method counts, any other lambda ends the search.
     */
    private TreePath enclosingLoop(TreePath path) {
      Tree child = path.getLeaf();
      for (TreePath current = path.getParentPath();
          current != null;
          current = current.getParentPath()) {
        Tree leaf = current.getLeaf();
        if (Loops.runsPerIteration(leaf, child, state)) {
          return current;
        }
        if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
          return null;
        }
        if (leaf instanceof LambdaExpressionTree) {
          TreePath up = current.getParentPath();
          return up != null && Loops.runsPerIteration(up.getLeaf(), leaf, state) ? up : null;
        }
        child = leaf;
      }
      return null;
    }

    private boolean isSourceLoop(TreePath loop) {
      Tree leaf = loop.getLeaf();
      if (leaf instanceof WhileLoopTree || leaf instanceof DoWhileLoopTree) {
        return true;
      }
      if (leaf instanceof ForLoopTree counted) {
        return counted.getCondition() == null
            || (counted.getCondition() instanceof LiteralTree literal
                && Boolean.TRUE.equals(literal.getValue()));
      }
      if (leaf instanceof EnhancedForLoopTree forEach) {
        Type iterated = ASTHelpers.getType(forEach.getExpression());
        Type collection = state.getTypeFromString("java.util.Collection");
        return iterated != null
            && !(iterated instanceof Type.ArrayType)
            && collection != null
            && !ASTHelpers.isSubtype(
                state.getTypes().erasure(iterated), state.getTypes().erasure(collection), state);
      }
      return false;
    }

    private static Tree loopBody(Tree loop) {
      if (loop instanceof WhileLoopTree whileLoop) {
        return whileLoop.getStatement();
      }
      if (loop instanceof DoWhileLoopTree doLoop) {
        return doLoop.getStatement();
      }
      if (loop instanceof ForLoopTree forLoop) {
        return forLoop.getStatement();
      }
      if (loop instanceof EnhancedForLoopTree forEach) {
        return forEach.getStatement();
      }
      return null; // an iteration call: its lambda is the body, handled with the site itself
    }

    // Helpers.

    private static boolean contains(Tree root, java.util.function.Predicate<Tree> test) {
      boolean[] found = {false};
      new TreeScanner<Void, Void>() {
        @Override
        public Void scan(Tree tree, Void unused) {
          if (found[0] || tree == null) {
            return null;
          }
          if (test.test(tree)) {
            found[0] = true;
            return null;
          }
          return super.scan(tree, null);
        }
      }.scan(root, null);
      return found[0];
    }

    /**
     * Public, in classes other code can name: a field kept for others to use. A package-private or
     * protected field is usually there for tests or subclasses; its uses in the file decide.
     */
    private static boolean isShared(VarSymbol field) {
      if (!field.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
      for (Symbol owner = field.owner; owner instanceof Symbol.ClassSymbol type; ) {
        if (type.getModifiers().contains(Modifier.PRIVATE)
            || type.getNestingKind() == NestingKind.ANONYMOUS
            || type.getNestingKind() == NestingKind.LOCAL) {
          return false;
        }
        owner = type.owner;
      }
      return true;
    }

    /** The kind of submission a method of that name makes, if it submits. */
    private static Optional<Kind> kindOf(String name) {
      if (name.equals("scheduleAtFixedRate") || name.equals("scheduleWithFixedDelay")) {
        return Optional.of(Kind.PERIODIC);
      }
      if (name.equals("schedule")) {
        return Optional.of(Kind.DELAYED);
      }
      if (name.startsWith("execute")
          || name.startsWith("submit")
          || name.equals("invokeAll")
          || name.equals("invokeAny")) {
        return Optional.of(Kind.IMMEDIATE);
      }
      return Optional.empty();
    }
  }
}
