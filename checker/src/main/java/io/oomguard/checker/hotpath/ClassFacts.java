package io.oomguard.checker.hotpath;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
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

/**
 * The hot-path facts of one top-level class: its entry points, its same-class call graph, and for
 * every hot method one shortest chain from an entry point or a loop.
 */
final class ClassFacts {
  /** A call from one method of the class to another; {@code inLoop} when made per iteration. */
  private record Call(MethodSymbol caller, MethodSymbol callee, boolean inLoop) {}

  /**
   * How a hot method is reached: the names of the methods from the origin to it, and the origin
   * entry point (null when the origin is a loop).
   */
  private record Reach(ImmutableList<String> chain, EntryPointMatcher.EntryPoint entryPoint) {
    boolean viaLoop() {
      return entryPoint == null;
    }

    Reach then(MethodSymbol callee) {
      return new Reach(
          ImmutableList.<String>builder().addAll(chain).add(HotPaths.displayName(callee)).build(),
          entryPoint);
    }
  }

  private final ClassSymbol topLevel;
  private final OomGuardFlags flags;
  private final Map<MethodSymbol, Reach> hot;

  private ClassFacts(ClassSymbol topLevel, OomGuardFlags flags, Map<MethodSymbol, Reach> hot) {
    this.topLevel = topLevel;
    this.flags = flags;
    this.hot = hot;
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

    // Shortest chains first: entry points (length 1), then loop call sites and methods the module
    // index reaches from other classes, then whatever they reach. At equal length an entry point
    // says more than a loop.
    Map<MethodSymbol, Reach> hot = new LinkedHashMap<>();
    PriorityQueue<Map.Entry<MethodSymbol, Reach>> queue =
        new PriorityQueue<>(
            Comparator.<Map.Entry<MethodSymbol, Reach>>comparingInt(
                    entry -> entry.getValue().chain().size())
                .thenComparing(entry -> entry.getValue().viaLoop()));
    for (MethodSymbol method : scanner.declared) {
      matcher
          .match(method, state)
          .ifPresent(
              entry ->
                  queue.add(
                      Map.entry(
                          method,
                          new Reach(ImmutableList.of(HotPaths.displayName(method)), entry))));
      HotMethodIndex.Entry indexed = index.get(HotMethodIndex.key(method, state.getTypes()));
      if (indexed != null) {
        queue.add(
            Map.entry(
                method,
                new Reach(
                    indexed.chain(),
                    new EntryPointMatcher.EntryPoint(indexed.kind(), indexed.route()))));
      }
    }
    for (Call call : scanner.calls) {
      if (call.inLoop() && scanner.declared.contains(call.callee())) {
        queue.add(
            Map.entry(
                call.callee(),
                new Reach(ImmutableList.of(HotPaths.displayName(call.caller())), null)
                    .then(call.callee())));
      }
    }
    while (!queue.isEmpty()) {
      Map.Entry<MethodSymbol, Reach> next = queue.poll();
      if (hot.containsKey(next.getKey())) {
        continue;
      }
      hot.put(next.getKey(), next.getValue());
      for (Call call : callsFrom.getOrDefault(next.getKey(), List.of())) {
        if (scanner.declared.contains(call.callee()) && !hot.containsKey(call.callee())) {
          queue.add(Map.entry(call.callee(), next.getValue().then(call.callee())));
        }
      }
    }
    return new ClassFacts(topLevel, flags, hot);
  }

  Optional<HotContext> contextOf(MethodSymbol method) {
    Reach reach = hot.get(method);
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
    return Optional.of(new HotContext(HotContext.Kind.CALLED, description, names));
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

    @Override
    public Void visitMethod(MethodTree tree, Void unused) {
      MethodSymbol symbol = ASTHelpers.getSymbol(tree);
      if (symbol == null) {
        return null;
      }
      declared.add(symbol);
      // A method of an anonymous or local class runs where its class is created.
      record(symbol);
      MethodSymbol outerMethod = currentMethod;
      int outerLoopDepth = loopDepth;
      currentMethod = symbol;
      loopDepth = 0;
      try {
        return super.visitMethod(tree, unused);
      } finally {
        currentMethod = outerMethod;
        loopDepth = outerLoopDepth;
      }
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      record(ASTHelpers.getSymbol(tree));
      return super.visitMethodInvocation(tree, unused);
    }

    @Override
    public Void visitNewClass(NewClassTree tree, Void unused) {
      record(ASTHelpers.getSymbol(tree));
      return super.visitNewClass(tree, unused);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
      Symbol target = ASTHelpers.getSymbol(tree);
      if (target instanceof MethodSymbol method) {
        record(method);
      }
      return super.visitMemberReference(tree, unused);
    }

    private void record(MethodSymbol callee) {
      if (currentMethod != null && callee != null && inTopLevel(callee)) {
        calls.add(new Call(currentMethod, callee, loopDepth > 0));
      }
    }

    private boolean inTopLevel(MethodSymbol method) {
      Symbol owner = method.owner;
      return owner != null && topLevel.equals(ASTHelpers.outermostClass(owner));
    }
  }
}
