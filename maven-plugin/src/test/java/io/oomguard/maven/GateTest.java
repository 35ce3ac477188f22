package io.oomguard.maven;

import static com.google.common.truth.Truth.assertThat;
import static io.oomguard.maven.TestFindings.finding;
import static io.oomguard.maven.TestFindings.suppressed;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.oomguard.maven.baseline.Baseline;
import io.oomguard.maven.baseline.BaselineMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;

final class GateTest {
  private final Finding error = finding("GrowsForever", Severity.ERROR, "src/A.java", 3);
  private final Finding warning = finding("BigBuffer", Severity.WARNING, "src/B.java", 4);

  @Test
  void failOnWarning_anyNewFindingFails() {
    Assessment assessment = BaselineMatcher.assess(List.of(error, warning), null);

    assertThat(new Gate(Severity.WARNING, 0).violations(assessment))
        .containsExactly(error, warning);
    assertThat(new Gate(Severity.WARNING, 0).failure(assessment).orElseThrow())
        .startsWith("oomguard found 2 findings at WARNING or above (allowed: 0)");
  }

  @Test
  void failOnError_warningsDoNotFail() {
    Assessment onlyWarning = BaselineMatcher.assess(List.of(warning), null);

    assertThat(new Gate(Severity.ERROR, 0).failure(onlyWarning)).isEmpty();
    assertThat(
            new Gate(Severity.ERROR, 0)
                .failure(BaselineMatcher.assess(List.of(error, warning), null))
                .orElseThrow())
        .startsWith("oomguard found 1 finding at ERROR or above");
  }

  @Test
  void maxAllowedViolations_toleratesUpToTheLimit() {
    Assessment two = BaselineMatcher.assess(List.of(error, warning), null);

    assertThat(new Gate(Severity.WARNING, 2).failure(two)).isEmpty();
    assertThat(new Gate(Severity.WARNING, 1).failure(two)).isPresent();
  }

  @Test
  void suppressedAndBaselinedFindings_neverFail() {
    Assessment assessment =
        BaselineMatcher.assess(
            List.of(suppressed(error, "@OomSafe", "bounded"), warning),
            Baseline.of(List.of(warning)));

    assertThat(new Gate(Severity.WARNING, 0).failure(assessment)).isEmpty();
  }

  @Test
  void negativeLimit_rejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Gate(Severity.ERROR, -1));

    assertThat(e).hasMessageThat().contains("maxAllowedViolations must be 0 or more");
  }
}
