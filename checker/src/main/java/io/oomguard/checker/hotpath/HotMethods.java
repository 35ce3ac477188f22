package io.oomguard.checker.hotpath;

import com.google.common.collect.ImmutableList;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * The hot methods of a class or a module, each with one shortest chain from an entry point or a
 * loop: what {@link ClassFacts} and {@link ModuleFacts} work out, and what {@link HotPaths} asks.
 */
final class HotMethods {
  static final HotMethods NONE = new HotMethods(Map.of(), Map.of());

  private final Map<MethodSymbol, Reach> hot;

  /** The methods hot from an entry point (of {@link #hot}, those reached without a loop). */
  private final Map<MethodSymbol, Reach> hotFromEntryPoints;

  private HotMethods(Map<MethodSymbol, Reach> hot, Map<MethodSymbol, Reach> hotFromEntryPoints) {
    this.hot = hot;
    this.hotFromEntryPoints = hotFromEntryPoints;
  }

  /**
   * Propagates {@code seeds} along {@code callsFrom}: a call reaches every method {@code targets}
   * gives for its callee (itself, and the overriding methods a call may dispatch to). Calls made in
   * a throw statement or in code only created there do not continue a chain that started at a loop;
   * a {@code new} whose object is kept in a field (created once) continues none.
   */
  static HotMethods propagate(
      List<Map.Entry<MethodSymbol, Reach>> seeds,
      Map<MethodSymbol, List<CallGraphScanner.Call>> callsFrom,
      Function<MethodSymbol, List<MethodSymbol>> targets) {
    List<Map.Entry<MethodSymbol, Reach>> entrySeeds = new ArrayList<>();
    for (Map.Entry<MethodSymbol, Reach> seed : seeds) {
      if (!seed.getValue().viaLoop()) {
        entrySeeds.add(seed);
      }
    }
    return new HotMethods(
        reach(seeds, callsFrom, targets),
        entrySeeds.isEmpty() ? Map.of() : reach(entrySeeds, callsFrom, targets));
  }

  /**
   * Shortest chains first: entry points (length 1), then loop call sites and methods reached from
   * other classes, then whatever they reach. At equal length an entry point says more than a loop;
   * an entry point that is one only because it takes a request object comes after all others.
   */
  private static Map<MethodSymbol, Reach> reach(
      List<Map.Entry<MethodSymbol, Reach>> seeds,
      Map<MethodSymbol, List<CallGraphScanner.Call>> callsFrom,
      Function<MethodSymbol, List<MethodSymbol>> targets) {
    Map<MethodSymbol, Reach> hot = new LinkedHashMap<>();
    PriorityQueue<Map.Entry<MethodSymbol, Reach>> queue =
        new PriorityQueue<>(
            Comparator.<Map.Entry<MethodSymbol, Reach>, Boolean>comparing(
                    entry -> entry.getValue().weak())
                .thenComparingInt(entry -> entry.getValue().chain().size())
                .thenComparing(entry -> entry.getValue().viaLoop()));
    queue.addAll(seeds);
    while (!queue.isEmpty()) {
      Map.Entry<MethodSymbol, Reach> next = queue.poll();
      if (hot.containsKey(next.getKey())) {
        continue;
      }
      hot.put(next.getKey(), next.getValue());
      for (CallGraphScanner.Call call : callsFrom.getOrDefault(next.getKey(), List.of())) {
        if (call.createsOnce()
            || (next.getValue().viaLoop() && (call.inThrow() || call.deferred()))) {
          // Created once; or a throw leaves the loop the chain started from, and a task created
          // in it runs elsewhere.
          continue;
        }
        for (MethodSymbol target : targets.apply(call.callee())) {
          if (!hot.containsKey(target)) {
            queue.add(
                Map.entry(
                    target,
                    next.getValue()
                        .then(
                            new CallGraphScanner.Call(
                                call.caller(),
                                target,
                                call.inLoop(),
                                call.sameInstance(),
                                call.inThrow(),
                                call.deferred(),
                                call.createsOnce()))));
          }
        }
      }
    }
    return hot;
  }

  /** Whether no method is hot. */
  boolean isEmpty() {
    return hot.isEmpty();
  }

  /** How {@code method} is reached, with {@code entryPointsOnly} only from entry points. */
  Optional<Reach> reachOf(MethodSymbol method, boolean entryPointsOnly) {
    return Optional.ofNullable((entryPointsOnly ? hotFromEntryPoints : hot).get(method));
  }

  /**
   * Why {@code method} is hot; with {@code entryPointsOnly}, only when an entry point reaches it
   * (for code the method only creates, which no loop around the method runs per iteration).
   */
  Optional<HotContext> contextOf(MethodSymbol method, boolean entryPointsOnly) {
    return reachOf(method, entryPointsOnly).map(HotMethods::describe);
  }

  static HotContext describe(Reach reach) {
    ImmutableList<String> names = reach.chain();
    String self = "`" + names.get(names.size() - 1) + "`";
    if (!reach.viaLoop() && names.size() == 1) {
      return new HotContext(
          HotContext.Kind.ENTRY_POINT, "in " + origin(reach, names.get(0)), names, true, true);
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
    return new HotContext(
        HotContext.Kind.CALLED, description, names, reach.sameInstance(), !reach.viaLoop());
  }

  private static String origin(Reach reach, String name) {
    String route = reach.entryPoint().route();
    return reach.entryPoint().kind()
        + " `"
        + name
        + "`"
        + (route.isEmpty() ? "" : " (" + route + ")");
  }
}
