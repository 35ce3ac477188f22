package io.oomguard.checker;

import com.google.errorprone.VisitorState;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The answers to one yes/no question about objects javac keeps unique within a compilation (names,
 * type symbols), asked once per object instead of once per tree. Subjects are compared by identity,
 * and working an answer out is a separate method, which the JIT compiles apart instead of into
 * every caller.
 */
public final class CompilationMemo<K> {
  private final PerCompilation<Map<K, Boolean>> answers =
      new PerCompilation<>(IdentityHashMap::new);

  /** {@code question}'s answer for {@code subject}, computed the first time it is asked. */
  public boolean answer(K subject, VisitorState state, Predicate<K> question) {
    Map<K, Boolean> known = answers.get(state);
    Boolean answer = known.get(subject);
    return answer != null ? answer : learn(known, subject, question);
  }

  private static <K> boolean learn(Map<K, Boolean> known, K subject, Predicate<K> question) {
    boolean answer = question.test(subject);
    known.put(subject, answer);
    return answer;
  }
}
