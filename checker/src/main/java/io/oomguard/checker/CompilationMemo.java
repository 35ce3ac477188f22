package io.oomguard.checker;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.util.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The answers to one yes/no question about objects javac keeps unique within a compilation (names,
 * type symbols), asked once per object instead of once per tree. Kept in the compilation's context,
 * so that they go with it and never mix objects of two compilations.
 */
public final class CompilationMemo<K> {
  private final Context.Key<Map<K, Boolean>> key = new Context.Key<>();

  /** {@code question}'s answer for {@code subject}, computed the first time it is asked. */
  public boolean answer(K subject, VisitorState state, Predicate<K> question) {
    Map<K, Boolean> known = state.context.get(key);
    if (known == null) {
      known = new HashMap<>();
      state.context.put(key, known);
    }
    Boolean answer = known.get(subject);
    if (answer == null) {
      answer = question.test(subject);
      known.put(subject, answer);
    }
    return answer;
  }
}
