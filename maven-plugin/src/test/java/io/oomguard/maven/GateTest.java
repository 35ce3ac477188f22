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
    assertThat(
            new Gate(Severity.WARNING, 0)
                .failure(assessment, "target/oomguard/oomguard.sarif")
                .orElseThrow())
        .startsWith("oomguard found 2 findings at WARNING or above (allowed: 0)");
  }

  @Test
  void failOnError_warningsDoNotFail() {
    Assessment onlyWarning = BaselineMatcher.assess(List.of(warning), null);

    assertThat(new Gate(Severity.ERROR, 0).failure(onlyWarning, "r.sarif")).isEmpty();
    assertThat(
            new Gate(Severity.ERROR, 0)
                .failure(BaselineMatcher.assess(List.of(error, warning), null), "r.sarif")
                .orElseThrow())
        .startsWith("oomguard found 1 finding at ERROR or above");
  }

  @Test
  void maxAllowedViolations_toleratesUpToTheLimit() {
    Assessment two = BaselineMatcher.assess(List.of(error, warning), null);

    assertThat(new Gate(Severity.WARNING, 2).failure(two, "r.sarif")).isEmpty();
    assertThat(new Gate(Severity.WARNING, 1).failure(two, "r.sarif")).isPresent();
  }

  @Test
  void suppressedAndBaselinedFindings_neverFail() {
    Assessment assessment =
        BaselineMatcher.assess(
            List.of(suppressed(error, "@OomSafe", "bounded"), warning),
            Baseline.of(List.of(warning)));

    assertThat(new Gate(Severity.WARNING, 0).failure(assessment, "target/oomguard/oomguard.sarif"))
        .isEmpty();
  }

  @Test
  void negativeLimit_rejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Gate(Severity.ERROR, -1));

    assertThat(e).hasMessageThat().contains("maxAllowedViolations must be 0 or more");
  }

  @Test
  void failure_listsTheFailingFindingsAndNamesTheReport_soThatAQuietBuildSaysWhatFailed() {
    Assessment assessment = BaselineMatcher.assess(List.of(error, warning), null);

    String message =
        new Gate(Severity.WARNING, 0)
            .failure(assessment, "target/oomguard/oomguard.sarif")
            .orElseThrow();

    assertThat(message).contains("\n  src/A.java:[3,5] [GrowsForever]");
    assertThat(message).contains("\n  src/B.java:[4,5] [BigBuffer]");
    assertThat(message).contains("target/oomguard/oomguard.sarif");
    assertThat(message).doesNotContain("listed above");
  }
}
