package io.oomguard.checker.hotpath;

import static com.google.common.truth.Truth.assertThat;

import io.oomguard.checker.MatcherSources;
import org.junit.jupiter.api.Test;

/** {@link Loops}: the name and receiver pre-filter in front of its iteration-method matchers. */
final class LoopsTest {
  @Test
  void methodNames_holdEveryNameTheMatchersMatch() {
    MatcherSources.assertCovers(Loops.METHOD_NAMES, Loops.class);
  }

  @Test
  void methodNames_turnAwayOrdinaryCalls() {
    assertThat(Loops.METHOD_NAMES.mayMatch("forEach")).isTrue();
    assertThat(Loops.METHOD_NAMES.mayMatch("groupingBy")).isTrue();
    assertThat(Loops.METHOD_NAMES.mayMatch("submit")).isFalse();
    assertThat(Loops.METHOD_NAMES.mayMatch("get")).isFalse();
  }
}
