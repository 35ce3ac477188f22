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

  /** How a hot method is reached: the chain of methods from its origin, and the origin's kind. */
  private record Reach(ImmutableList<MethodSymbol> chain, EntryPointMatcher.EntryPoint entryPoint) {
    boolean viaLoop() {
      return entryPoint == null;
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
        && flags.hotPathAnnotations().equals(otherFlags.hotPathAnnotations());
  }

  static ClassFacts compute(
      TreePath topLevelPath, ClassSymbol topLevel, VisitorState state, OomGuardFlags flags) {
    CallGraphScanner scanner = new CallGraphScanner(topLevel, state);
    scanner.scan(topLevelPath, null);

    EntryPointMatcher matcher = new EntryPointMatcher(flags.hotPathAnnotations());
    Map<MethodSymbol, List<Call>> callsFrom = new HashMap<>();
    for (Call call : scanner.calls) {
      callsFrom.computeIfAbsent(call.caller(), k -> new ArrayList<>()).add(call);
    }

    // Shortest chains first: entry points (length 1), then loop call sites (length 2), then
    // whatever they reach.
    Map<MethodSymbol, Reach> hot = new LinkedHashMap<>();
    PriorityQueue<Map.Entry<MethodSymbol, Reach>> queue =
        new PriorityQueue<>(
            Comparator.<Map.Entry<MethodSymbol, Reach>>comparingInt(
                    entry -> entry.getValue().chain().size())
                // At equal length an entry point says more than a loop.
                .thenComparing(entry -> entry.getValue().viaLoop()));
    for (MethodSymbol method : scanner.declared) {
      matcher
          .match(method, state)
          .ifPresent(
              entry -> queue.add(Map.entry(method, new Reach(ImmutableList.of(method), entry))));
    }
    for (Call call : scanner.calls) {
      if (call.inLoop() && scanner.declared.contains(call.callee())) {
        queue.add(
            Map.entry(
                call.callee(), new Reach(ImmutableList.of(call.caller(), call.callee()), null)));
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
          ImmutableList<MethodSymbol> chain =
              ImmutableList.<MethodSymbol>builder()
                  .addAll(next.getValue().chain())
                  .add(call.callee())
                  .build();
          queue.add(Map.entry(call.callee(), new Reach(chain, next.getValue().entryPoint())));
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
    ImmutableList<String> names =
        reach.chain().stream().map(HotPaths::displayName).collect(ImmutableList.toImmutableList());
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
