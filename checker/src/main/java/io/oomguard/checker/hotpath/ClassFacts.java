package io.oomguard.checker.hotpath;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.oomguard.checker.config.OomGuardFlags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The hot-path facts of one top-level class, when the module's are not known ({@link ModuleFacts}
 * needs every class of the compilation attributed first): its entry points, its same-class call
 * graph, the methods the cross-class index names, and for every hot method one shortest chain from
 * an entry point or a loop.
 */
final class ClassFacts {
  private final ClassSymbol topLevel;
  private final OomGuardFlags flags;
  private final HotMethods hot;

  private ClassFacts(ClassSymbol topLevel, OomGuardFlags flags, HotMethods hot) {
    this.topLevel = topLevel;
    this.flags = flags;
    this.hot = hot;
  }

  boolean isFor(ClassSymbol symbol, OomGuardFlags otherFlags) {
    return topLevel.equals(symbol)
        && flags.hotPathAnnotations().equals(otherFlags.hotPathAnnotations())
        && flags.hotMethodsFile().equals(otherFlags.hotMethodsFile());
  }

  HotMethods hot() {
    return hot;
  }

  static ClassFacts compute(
      TreePath topLevelPath,
      ClassSymbol topLevel,
      VisitorState state,
      OomGuardFlags flags,
      HotMethodIndex index) {
    EntryPointMatcher matcher = new EntryPointMatcher(flags.hotPathAnnotations());
    CallGraphScanner scanner =
        new CallGraphScanner(state, method -> inTopLevel(method, topLevel), matcher);
    scanner.scan(topLevelPath, null);
    Map<MethodSymbol, List<CallGraphScanner.Call>> callsFrom = new HashMap<>();
    for (CallGraphScanner.Call call : scanner.calls) {
      callsFrom.computeIfAbsent(call.caller(), k -> new ArrayList<>()).add(call);
    }
    List<Map.Entry<MethodSymbol, Reach>> seeds =
        seeds(scanner, matcher, index, method -> scanner.declared.contains(method), state);
    return new ClassFacts(
        topLevel,
        flags,
        HotMethods.propagate(
            seeds,
            callsFrom,
            callee -> scanner.declared.contains(callee) ? List.of(callee) : List.of()));
  }

  /**
   * Where chains start: the declared methods that are entry points or that the index names, the
   * methods entry-point lambdas call or refer to, and the callees of calls made in loops.
   */
  static List<Map.Entry<MethodSymbol, Reach>> seeds(
      CallGraphScanner scanner,
      EntryPointMatcher matcher,
      HotMethodIndex index,
      Predicate<MethodSymbol> declared,
      VisitorState state) {
    List<Map.Entry<MethodSymbol, Reach>> seeds = new ArrayList<>();
    for (MethodSymbol method : scanner.declared) {
      matcher
          .match(method, state)
          .ifPresent(
              entry ->
                  seeds.add(
                      Map.entry(
                          method,
                          new Reach(ImmutableList.of(HotPaths.displayName(method)), entry))));
      // Keys are built only when there is an index (compiler-plugin mode has none).
      HotMethodIndex.Entry indexed =
          index.entries().isEmpty()
              ? null
              : index.get(HotMethodIndex.key(method, state.getTypes()));
      if (indexed != null) {
        seeds.add(
            Map.entry(
                method,
                new Reach(
                    indexed.chain(),
                    new EntryPointMatcher.EntryPoint(indexed.kind(), indexed.route(), true),
                    false)));
      }
    }
    for (CallGraphScanner.Seed seed : scanner.seeds) {
      seeds.add(Map.entry(seed.method(), new Reach(seed.chain(), seed.entry(), false)));
    }
    for (CallGraphScanner.Call call : scanner.calls) {
      if (call.inLoop() && !call.createsOnce() && declared.test(call.callee())) {
        seeds.add(
            Map.entry(
                call.callee(),
                new Reach(ImmutableList.of(HotPaths.displayName(call.caller())), null).then(call)));
      }
    }
    return seeds;
  }

  private static boolean inTopLevel(MethodSymbol method, ClassSymbol topLevel) {
    Symbol owner = method.owner;
    return owner != null && topLevel.equals(ASTHelpers.outermostClass(owner));
  }
}
