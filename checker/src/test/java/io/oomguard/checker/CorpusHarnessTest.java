package io.oomguard.checker;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * The harness must fail when the corpus and the checks disagree, in both directions; otherwise a
 * green corpus run would prove nothing.
 */
final class CorpusHarnessTest {
  private static final Path FIXTURES = Paths.get("src/test/resources/harness");

  @Test
  void markedFindingThatAppears_passes() {
    Corpus.check(FIXTURES, Paths.get("MarkedAndFound.java"), ImmutableList.of());
  }

  @Test
  void markedFindingThatDoesNotAppear_fails() {
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () -> Corpus.check(FIXTURES, Paths.get("MarkedButMissing.java"), ImmutableList.of()));
    assertThat(error).hasMessageThat().contains("Did not see an error on line 10");
  }

  @Test
  void findingWithoutMarker_fails() {
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () -> Corpus.check(FIXTURES, Paths.get("FoundButUnmarked.java"), ImmutableList.of()));
    assertThat(error).hasMessageThat().contains("Saw unexpected error on line 9");
  }

  @Test
  void markerNamingAnotherCheck_fails() {
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () ->
                Corpus.check(FIXTURES, Paths.get("MarkedWithWrongCheck.java"), ImmutableList.of()));
    assertThat(error).hasMessageThat().contains("UnboundedCache");
  }

  @Test
  void secondCheckOnAMarkedLine_fails() {
    AssertionError error =
        assertThrows(
            AssertionError.class,
            () ->
                Corpus.check(
                    FIXTURES, Paths.get("SecondCheckOnMarkedLine.java"), ImmutableList.of()));
    assertThat(error).hasMessageThat().contains("[UnboundedExecutor] also reports on a line");
  }
}
