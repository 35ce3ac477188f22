package io.oomguard.checker.hotpath;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.oomguard.checker.config.OomGuardFlags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hot methods of the whole module ({@link ModuleClasses}): a method is hot when an entry point
 * or a loop in any class reaches it, also through an interface or an abstract method to the
 * module's implementations, and a constructor is hot when hot code creates its class.
 */
final class ModuleFacts {
  private final HotMethods hot;

  private ModuleFacts(HotMethods hot) {
    this.hot = hot;
  }

  /**
   * The module's facts for {@code flags} and the cross-class {@code index}; empty when not every
   * class of the compilation was attributed before the checks ran.
   */
  static Optional<ModuleFacts> of(VisitorState state, OomGuardFlags flags, HotMethodIndex index) {
    Optional<ModuleClasses> module = ModuleClasses.of(state);
    if (module.isEmpty()) {
      return Optional.empty();
    }
    List<Object> key = List.of(flags.hotPathAnnotations(), flags.hotMethodsFile());
    ModuleFacts facts = module.get().hotByFlags().get(key);
    if (facts == null) {
      facts = new ModuleFacts(hotMethods(module.get(), flags, index, state));
      module.get().hotByFlags().put(key, facts);
    }
    return Optional.of(facts);
  }

  HotMethods hot() {
    return hot;
  }

  private static HotMethods hotMethods(
      ModuleClasses module, OomGuardFlags flags, HotMethodIndex index, VisitorState state) {
    EntryPointMatcher matcher = new EntryPointMatcher(flags.hotPathAnnotations());
    List<Map.Entry<MethodSymbol, Reach>> seeds = new ArrayList<>();
    for (Map.Entry<MethodSymbol, Reach> seed :
        ClassFacts.seeds(module.scanner(), matcher, index, method -> true, state)) {
      if (!seed.getValue().viaLoop() || seed.getValue().chain().size() < 2) {
        seeds.add(seed);
        continue;
      }
      // A call in a loop reaches what the callee dispatches to.
      for (MethodSymbol target : module.targets(seed.getKey())) {
        ImmutableList<String> chain = seed.getValue().chain();
        seeds.add(
            Map.entry(
                target,
                new Reach(
                    ImmutableList.<String>builder()
                        .addAll(chain.subList(0, chain.size() - 1))
                        .add(HotPaths.displayName(target))
                        .build(),
                    null,
                    seed.getValue().sameInstance())));
      }
    }
    return HotMethods.propagate(seeds, module.callsFrom(), module::targets);
  }
}
