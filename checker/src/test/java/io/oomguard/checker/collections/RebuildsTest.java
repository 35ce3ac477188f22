package io.oomguard.checker.collections;

import static com.google.common.truth.Truth.assertThat;

import io.oomguard.checker.MatcherSources;
import org.junit.jupiter.api.Test;

/** {@link Rebuilds}: the name pre-filter in front of its matchers. */
final class RebuildsTest {
  @Test
  void methodNames_holdEveryNameTheMatchersMatch() {
    MatcherSources.assertCovers(Rebuilds.METHOD_NAMES, Rebuilds.class);
  }

  @Test
  void methodNames_turnAwayOrdinaryCalls() {
    assertThat(Rebuilds.METHOD_NAMES.mayMatch("collect")).isTrue();
    assertThat(Rebuilds.METHOD_NAMES.mayMatch("newArrayList")).isTrue();
    assertThat(Rebuilds.METHOD_NAMES.mayMatch("add")).isFalse();
    assertThat(Rebuilds.METHOD_NAMES.mayMatch("newFixedThreadPool")).isFalse();
  }
}
