package io.oomguard.checker;

import static com.google.common.truth.Truth.assertThat;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.api.JavacTool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link PerCompilation}: one value per compilation, whichever compilation asked last. */
final class PerCompilationTest {
  @Test
  void eachCompilationKeepsItsOwnValue_whenTheyTakeTurns() {
    AtomicInteger made = new AtomicInteger();
    PerCompilation<List<String>> values =
        new PerCompilation<>(
            () -> {
              made.incrementAndGet();
              return new ArrayList<>();
            });
    VisitorState first = stateOfANewCompilation();
    VisitorState second = stateOfANewCompilation();

    values.get(first).add("first");
    values.get(second).add("second");
    values.get(first).add("first again");

    assertThat(values.get(first)).containsExactly("first", "first again").inOrder();
    assertThat(values.get(second)).containsExactly("second");
    assertThat(values.get(first)).isSameInstanceAs(values.get(first));
    assertThat(made.get()).isEqualTo(2);
  }

  @Test
  void twoInstancesKeepApartValues_inOneCompilation() {
    PerCompilation<List<String>> one = new PerCompilation<>(ArrayList::new);
    PerCompilation<List<String>> other = new PerCompilation<>(ArrayList::new);
    VisitorState state = stateOfANewCompilation();

    one.get(state).add("one");

    assertThat(other.get(state)).isEmpty();
  }

  private static VisitorState stateOfANewCompilation() {
    BasicJavacTask task =
        (BasicJavacTask) JavacTool.create().getTask(null, null, null, null, null, List.of());
    return VisitorState.createForUtilityPurposes(task.getContext());
  }
}
