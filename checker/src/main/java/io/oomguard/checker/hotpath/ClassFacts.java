package io.oomguard.checker.hotpath;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.util.Names;
import io.oomguard.checker.config.OomGuardFlags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The hot-path facts of one top-level class: its entry points, its same-class call graph, and for
 * every hot method one shortest chain from an entry point or a loop.
 */
final class ClassFacts {
  /**
   * A call from one method of the class to another; {@code inLoop} when made per iteration, {@code
   * sameInstance} when the callee runs on the caller's own object (an unqualified or {@code this.}
   * call, a static method, a method of an anonymous or local class created there), {@code inThrow}
   * when made in a throw statement, {@code deferred} when made in code the caller only creates (a
   * task handed to an executor, stored or returned: {@link Deferred}), or when the callee is a
   * method of an anonymous class created that way.
   */
  private record Call(
      MethodSymbol caller,
      MethodSymbol callee,
      boolean inLoop,
      boolean sameInstance,
      boolean inThrow,
      boolean deferred) {}

  /**
   * How a hot method is reached: the names of the methods from the origin to it, the origin entry
   * point (null when the origin is a loop), and whether every call on the way is on one object.
   */
  private record Reach(
      ImmutableList<String> chain, EntryPointMatcher.EntryPoint entryPoint, boolean sameInstance) {
    Reach(ImmutableList<String> chain, EntryPointMatcher.EntryPoint entryPoint) {
      this(chain, entryPoint, true);
    }

    boolean viaLoop() {
      return entryPoint == null;
    }

    Reach then(Call call) {
      return new Reach(
          ImmutableList.<String>builder()
              .addAll(chain)
              .add(HotPaths.displayName(call.callee()))
              .build(),
          entryPoint,
          sameInstance && call.sameInstance());
    }
  }

  private final ClassSymbol topLevel;
  private final OomGuardFlags flags;
  private final Map<MethodSymbol, Reach> hot;

  /** The methods hot from an entry point (of {@link #hot}, those reached without a loop). */
  private final Map<MethodSymbol, Reach> hotFromEntryPoints;

  private ClassFacts(
      ClassSymbol topLevel,
      OomGuardFlags flags,
      Map<MethodSymbol, Reach> hot,
      Map<MethodSymbol, Reach> hotFromEntryPoints) {
    this.topLevel = topLevel;
    this.flags = flags;
    this.hot = hot;
    this.hotFromEntryPoints = hotFromEntryPoints;
  }

  boolean isFor(ClassSymbol symbol, OomGuardFlags otherFlags) {
    return topLevel.equals(symbol)
        && flags.hotPathAnnotations().equals(otherFlags.hotPathAnnotations())
        && flags.hotMethodsFile().equals(otherFlags.hotMethodsFile());
  }

  static ClassFacts compute(
      TreePath topLevelPath,
      ClassSymbol topLevel,
      VisitorState state,
      OomGuardFlags flags,
      HotMethodIndex index) {
    CallGraphScanner scanner = new CallGraphScanner(topLevel, state);
    scanner.scan(topLevelPath, null);

    EntryPointMatcher matcher = new EntryPointMatcher(flags.hotPathAnnotations());
    Map<MethodSymbol, List<Call>> callsFrom = new HashMap<>();
    for (Call call : scanner.calls) {
      callsFrom.computeIfAbsent(call.caller(), k -> new ArrayList<>()).add(call);
    }

    List<Map.Entry<MethodSymbol, Reach>> entrySeeds = new ArrayList<>();
    for (MethodSymbol method : scanner.declared) {
      matcher
          .match(method, state)
          .ifPresent(
              entry ->
                  entrySeeds.add(
                      Map.entry(
                          method,
                          new Reach(ImmutableList.of(HotPaths.displayName(method)), entry))));
      // Keys are built only when there is an index (compiler-plugin mode has none).
      HotMethodIndex.Entry indexed =
          index.entries().isEmpty()
              ? null
              : index.get(HotMethodIndex.key(method, state.getTypes()));
      if (indexed != null) {
        entrySeeds.add(
            Map.entry(
                method,
                new Reach(
                    indexed.chain(),
                    new EntryPointMatcher.EntryPoint(indexed.kind(), indexed.route()))));
      }
    }
    List<Map.Entry<MethodSymbol, Reach>> seeds = new ArrayList<>(entrySeeds);
    for (Call call : scanner.calls) {
      if (call.inLoop() && scanner.declared.contains(call.callee())) {
        seeds.add(
            Map.entry(
                call.callee(),
                new Reach(ImmutableList.of(HotPaths.displayName(call.caller())), null).then(call)));
      }
    }
    return new ClassFacts(
        topLevel,
        flags,
        propagate(seeds, callsFrom, scanner.declared),
        entrySeeds.isEmpty() ? Map.of() : propagate(entrySeeds, callsFrom, scanner.declared));
  }

  /**
   * Shortest chains first: entry points (length 1), then loop call sites and methods the module
   * index reaches from other classes, then whatever they reach. At equal length an entry point says
   * more than a loop.
   */
  private static Map<MethodSymbol, Reach> propagate(
      List<Map.Entry<MethodSymbol, Reach>> seeds,
      Map<MethodSymbol, List<Call>> callsFrom,
      Set<MethodSymbol> declared) {
    Map<MethodSymbol, Reach> hot = new LinkedHashMap<>();
    PriorityQueue<Map.Entry<MethodSymbol, Reach>> queue =
        new PriorityQueue<>(
            Comparator.<Map.Entry<MethodSymbol, Reach>>comparingInt(
                    entry -> entry.getValue().chain().size())
                .thenComparing(entry -> entry.getValue().viaLoop()));
    queue.addAll(seeds);
    while (!queue.isEmpty()) {
      Map.Entry<MethodSymbol, Reach> next = queue.poll();
      if (hot.containsKey(next.getKey())) {
        continue;
      }
      hot.put(next.getKey(), next.getValue());
      for (Call call : callsFrom.getOrDefault(next.getKey(), List.of())) {
        if (next.getValue().viaLoop() && (call.inThrow() || call.deferred())) {
          // A throw leaves the loop the chain started from; a task created in it runs elsewhere.
          continue;
        }
        if (declared.contains(call.callee()) && !hot.containsKey(call.callee())) {
          queue.add(Map.entry(call.callee(), next.getValue().then(call)));
        }
      }
    }
    return hot;
  }

  Optional<HotContext> contextOf(MethodSymbol method) {
    return contextOf(method, false);
  }

  /**
   * Why {@code method} is hot; with {@code entryPointsOnly}, only when an entry point reaches it
   * (for code the method only creates, which no loop around the method runs per iteration).
   */
  Optional<HotContext> contextOf(MethodSymbol method, boolean entryPointsOnly) {
    Reach reach = (entryPointsOnly ? hotFromEntryPoints : hot).get(method);
    if (reach == null) {
      return Optional.empty();
    }
    ImmutableList<String> names = reach.chain();
    String self = "`" + names.get(names.size() - 1) + "`";
    if (!reach.viaLoop() && names.size() == 1) {
      return Optional.of(
          new HotContext(HotContext.Kind.ENTRY_POINT, "in " + origin(reach, names.get(0)), names));
    }
    String via = "`" + String.join(" → ", names) + "`";
    String description =
        reach.viaLoop()
            ? "in "
                + self
                + ", called inside a loop in `"
                + names.get(0)
                + "`"
                + (names.size() > 2 ? " via " + via : "")
            : "in " + self + ", reached from " + origin(reach, names.get(0)) + " via " + via;
    return Optional.of(
        new HotContext(HotContext.Kind.CALLED, description, names, reach.sameInstance()));
  }

  private static String origin(Reach reach, String name) {
    String route = reach.entryPoint().route();
    return reach.entryPoint().kind()
        + " `"
        + name
        + "`"
        + (route.isEmpty() ? "" : " (" + route + ")");
  }

  /** Collects the class's methods and the direct calls between them, noting per-iteration ones. */
  private static final class CallGraphScanner extends TreePathScanner<Void, Void> {
    private final ClassSymbol topLevel;
    private final VisitorState state;
    final Set<MethodSymbol> declared = new LinkedHashSet<>();
    final List<Call> calls = new ArrayList<>();
    private MethodSymbol currentMethod;
    private int loopDepth;
    private int throwDepth;

    /** Inside code the current method only creates (a task handed off, stored or returned). */
    private boolean deferred;

    CallGraphScanner(ClassSymbol topLevel, VisitorState state) {
      this.topLevel = topLevel;
      this.state = state;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      if (tree == null) {
        return null;
      }
      TreePath parent = getCurrentPath();
      if (parent != null && onlyCreated(parent, tree)) {
        // Its body runs later, elsewhere: not per iteration of a loop around its creation.
        return outsideLoops(true, () -> super.scan(tree, unused));
      }
      boolean perIteration =
          parent != null && Loops.runsPerIteration(parent.getLeaf(), tree, state);
      if (perIteration) {
        loopDepth++;
      }
      try {
        return super.scan(tree, unused);
      } finally {
        if (perIteration) {
          loopDepth--;
        }
      }
    }

    /**
     * Whether {@code tree}, a child of {@code parent}, is a lambda or method reference the current
     * method only creates, or the body of an anonymous class it only creates.
     */
    private boolean onlyCreated(TreePath parent, Tree tree) {
      if (currentMethod == null) {
        return false;
      }
      // Asked for every node of the class: kinds first, one virtual call each.
      Tree.Kind kind = tree.getKind();
      if (kind == Tree.Kind.LAMBDA_EXPRESSION || kind == Tree.Kind.MEMBER_REFERENCE) {
        return Deferred.onlyCreated(new TreePath(parent, tree), state);
      }
      return parent.getLeaf().getKind() == Tree.Kind.NEW_CLASS
          && ((NewClassTree) parent.getLeaf()).getClassBody() == tree
          && Deferred.onlyCreated(parent, state);
    }

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      MethodSymbol symbol = ASTHelpers.getSymbol(tree);
      if (symbol == null) {
        return null;
      }
      declared.add(symbol);
      // A method of an anonymous or local class runs where its class is created, unless the
      // object is only created there (deferred).
      record(symbol, true);
      MethodSymbol outerMethod = currentMethod;
      currentMethod = symbol;
      try {
        return outsideLoops(false, () -> super.visitMethod(tree, unused));
      } finally {
        currentMethod = outerMethod;
      }
    }

    /**
     * Scans a body that does not run in the loops and throws around it (a method's, or a class's
     * only created there), marked deferred or not, and then restores the position outside it.
     */
    private Void outsideLoops(boolean deferredBody, Supplier<Void> scanBody) {
      int outerLoopDepth = loopDepth;
      int outerThrowDepth = throwDepth;
      boolean outerDeferred = deferred;
      loopDepth = 0;
      throwDepth = 0;
      deferred = deferredBody;
      try {
        return scanBody.get();
      } finally {
        loopDepth = outerLoopDepth;
        throwDepth = outerThrowDepth;
        deferred = outerDeferred;
      }
    }

    // A call in a throw statement runs once: the throw leaves the loop around it.
    @Override
    public Void visitThrow(ThrowTree tree, Void unused) {
      throwDepth++;
      try {
        return super.visitThrow(tree, unused);
      } finally {
        throwDepth--;
      }
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      MethodSymbol callee = ASTHelpers.getSymbol(tree);
      record(callee, isStatic(callee) || onThis(tree.getMethodSelect()));
      return super.visitMethodInvocation(tree, unused);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
      record(ASTHelpers.getSymbol(tree), false); // a constructor runs on a new object
      return super.visitNewClass(tree, unused);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
      Symbol target = ASTHelpers.getSymbol(tree);
      if (target instanceof MethodSymbol method) {
        record(method, isStatic(method) || onThis(tree));
      }
      return super.visitMemberReference(tree, unused);
    }

    private void record(MethodSymbol callee, boolean sameInstance) {
      if (currentMethod != null && callee != null && inTopLevel(callee)) {
        calls.add(
            new Call(
                currentMethod,
                callee,
                loopDepth > 0 && throwDepth == 0,
                sameInstance,
                throwDepth > 0,
                deferred));
      }
    }

    private static boolean isStatic(MethodSymbol method) {
      return method != null && method.isStatic();
    }

    /** An unqualified call, or one on {@code this}, {@code super} or {@code Outer.this}. */
    private boolean onThis(Tree call) {
      ExpressionTree receiver;
      if (call instanceof MemberReferenceTree reference) {
        receiver = reference.getQualifierExpression();
      } else if (call instanceof MemberSelectTree select) {
        receiver = select.getExpression();
      } else {
        return call instanceof IdentifierTree;
      }
      // javac's own names, compared by identity: a name's text is not built for every call.
      Names names = state.getNames();
      if (receiver instanceof IdentifierTree identifier) {
        return identifier.getName() == names._this || identifier.getName() == names._super;
      }
      return receiver instanceof MemberSelectTree qualified
          && qualified.getIdentifier() == names._this;
    }

    private boolean inTopLevel(MethodSymbol method) {
      Symbol owner = method.owner;
      return owner != null && topLevel.equals(ASTHelpers.outermostClass(owner));
    }
  }
}
