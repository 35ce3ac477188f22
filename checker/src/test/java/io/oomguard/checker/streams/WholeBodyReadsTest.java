package io.oomguard.checker.streams;

import static com.google.common.truth.Truth.assertThat;

import io.oomguard.checker.MatcherSources;
import org.junit.jupiter.api.Test;

/** {@link WholeBodyReads}: the name pre-filter in front of its matchers. */
final class WholeBodyReadsTest {
  @Test
  void candidateNames_holdEveryNameTheMatchersBehindThemMatch() {
    MatcherSources.assertCovers(
        WholeBodyReads.CANDIDATE_NAMES,
        WholeBodyReads.class,
        CollectedLines.class,
        InMemoryBuffers.class);
  }

  @Test
  void candidateNames_turnAwayOrdinaryCalls() {
    assertThat(WholeBodyReads.CANDIDATE_NAMES.mayMatch("readAllBytes")).isTrue();
    assertThat(WholeBodyReads.CANDIDATE_NAMES.mayMatch("lines")).isTrue();
    assertThat(WholeBodyReads.CANDIDATE_NAMES.mayMatch("readLine")).isTrue();
    assertThat(WholeBodyReads.CANDIDATE_NAMES.mayMatch("append")).isFalse();
    assertThat(WholeBodyReads.CANDIDATE_NAMES.mayMatch("equals")).isFalse();
  }
}
