package io.oomguard.checker.executors;

import static com.google.errorprone.matchers.method.MethodMatchers.constructor;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * An expression that brings new threads into being where it runs: a thread started, a {@code Timer}
 * (one thread each), or a thread pool created.
 *
 * @param kind what is created
 * @param label how messages name it, e.g. {@code `worker.start()`} or {@code
 *     `Executors.newFixedThreadPool(...)`}
 * @param pool the pool's properties, for {@link Kind#POOL}
 */
public record Spawn(Kind kind, String label, Optional<PoolCreation> pool) {
  /** What a spawn creates. */
  public enum Kind {
    /** A platform thread, started right here. */
    PLATFORM_THREAD,
    /** A virtual thread (JDK 21+), started right here. */
    VIRTUAL_THREAD,
    /** A {@code java.util.Timer}, which starts its own thread. */
    TIMER,
    /** A thread pool. */
    POOL
  }

  private static final String THREAD = "java.lang.Thread";

  private static final Matcher<ExpressionTree> THREAD_START =
      instanceMethod().onDescendantOf(THREAD).named("start").withNoParameters();

  // java.lang.Thread.Builder and startVirtualThread are JDK 21 API; matched by name so that the
  // checker, built on JDK 17, still sees them when it runs on a newer JDK.
  private static final Matcher<ExpressionTree> BUILDER_START =
      instanceMethod().onDescendantOf("java.lang.Thread.Builder").named("start");

  private static final Matcher<ExpressionTree> START_VIRTUAL_THREAD =
      staticMethod().onClass(THREAD).named("startVirtualThread");

  private static final Matcher<ExpressionTree> NEW_TIMER =
      constructor().forClass("java.util.Timer");

  /** What {@code tree} creates, if it creates threads. */
  public static Optional<Spawn> of(ExpressionTree tree, VisitorState state) {
    Optional<PoolCreation> pool = PoolCreation.of(tree, state);
    if (pool.isPresent()) {
      return Optional.of(new Spawn(Kind.POOL, "`" + pool.get().label() + "`", pool));
    }
    if (NEW_TIMER.matches(tree, state)) {
      return Optional.of(new Spawn(Kind.TIMER, "`new Timer(...)`", Optional.empty()));
    }
    if (!(tree instanceof MethodInvocationTree call)) {
      return Optional.empty();
    }
    if (START_VIRTUAL_THREAD.matches(call, state)) {
      return Optional.of(
          new Spawn(Kind.VIRTUAL_THREAD, "`Thread.startVirtualThread(...)`", Optional.empty()));
    }
    if (BUILDER_START.matches(call, state)) {
      Type builder = ASTHelpers.getReceiverType(call);
      boolean virtual = builder != null && builder.tsym.getSimpleName().contentEquals("OfVirtual");
      return Optional.of(
          new Spawn(
              virtual ? Kind.VIRTUAL_THREAD : Kind.PLATFORM_THREAD,
              virtual ? "`Thread.ofVirtual()...start(...)`" : "`Thread.ofPlatform()...start(...)`",
              Optional.empty()));
    }
    if (THREAD_START.matches(call, state)) {
      return threadStart(call, state);
    }
    return Optional.empty();
  }

  /**
   * {@code thread.start()} creates a thread here when the thread object is new: built in this
   * expression, or held in a local variable whose one value is built in this method ({@code new
   * Thread(...)}, {@code factory.newThread(r)}, {@code builder.unstarted(r)}, a {@code new*} or
   * {@code create*} factory method). A thread from a field, a parameter or a collection ({@code for
   * (Thread t : workers) t.start()}) was created elsewhere, and so was {@code this} in a {@code
   * Thread} subclass.
   */
  private static Optional<Spawn> threadStart(MethodInvocationTree call, VisitorState state) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver == null) {
      return Optional.empty(); // start() inside a Thread subclass
    }
    if (isNewThread(receiver)) {
      return Optional.of(
          new Spawn(
              isVirtualBuilderThread(receiver) ? Kind.VIRTUAL_THREAD : Kind.PLATFORM_THREAD,
              "`" + abbreviate(receiver, state) + ".start()`",
              Optional.empty()));
    }
    Symbol variable = ASTHelpers.getSymbol(receiver);
    if (!(receiver instanceof IdentifierTree)
        || variable == null
        || variable.getKind() != ElementKind.LOCAL_VARIABLE) {
      return Optional.empty();
    }
    ExpressionTree assigned = AssignedValues.assignedOnce(receiver, state);
    if (assigned == null || !isNewThread(assigned)) {
      return Optional.empty();
    }
    return Optional.of(
        new Spawn(
            isVirtualBuilderThread(assigned) ? Kind.VIRTUAL_THREAD : Kind.PLATFORM_THREAD,
            "thread `" + variable.getSimpleName() + "`",
            Optional.empty()));
  }

  /** {@code new Thread(...)} (or a subclass), or a call that makes a thread. */
  private static boolean isNewThread(ExpressionTree tree) {
    if (tree instanceof NewClassTree) {
      return true;
    }
    if (!(tree instanceof MethodInvocationTree call)) {
      return false;
    }
    Symbol method = ASTHelpers.getSymbol(call);
    if (method == null) {
      return false;
    }
    String name = method.getSimpleName().toString();
    return name.equals("unstarted") || name.startsWith("new") || name.startsWith("create");
  }

  /** {@code Thread.ofVirtual()...unstarted(r)}. */
  private static boolean isVirtualBuilderThread(ExpressionTree thread) {
    if (!(thread instanceof MethodInvocationTree call)) {
      return false;
    }
    Type builder = ASTHelpers.getReceiverType(call);
    return builder != null && builder.tsym.getSimpleName().contentEquals("OfVirtual");
  }

  /** {@code new Thread(...)} for {@code new Thread(() -> { ... }, "name")}, and so on. */
  private static String abbreviate(ExpressionTree tree, VisitorState state) {
    if (tree instanceof NewClassTree creation) {
      return "new " + state.getSourceForNode(creation.getIdentifier()) + "(...)";
    }
    String source = state.getSourceForNode(tree);
    if (source == null) {
      return "...";
    }
    int open = source.indexOf('(');
    return open < 0 || source.length() <= 60 ? source : source.substring(0, open) + "(...)";
  }
}
