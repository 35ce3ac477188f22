package io.oomguard.maven.report;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

final class ForkOutputTest {
  @Test
  void aChecksInternalError_reachesTheBuildLogAsAWarning() {
    // The README promises the user this line; at debug level nobody saw it.
    assertThat(
            ForkOutput.levelOf(
                "oomguard: internal error in UnboundedCache at A.java:3; no finding there. Please"
                    + " report it with this line: java.lang.IllegalStateException: x"))
        .isEqualTo(ConsoleReport.Level.WARN);
  }

  @Test
  void indexSummaryIsInfo_unreadableFileAWarning_javacChatterDebug() {
    assertThat(ForkOutput.levelOf("oomguard index: 3 files, 1 entry points"))
        .isEqualTo(ConsoleReport.Level.INFO);
    assertThat(ForkOutput.levelOf("oomguard index: skipped A.java (parse error)"))
        .isEqualTo(ConsoleReport.Level.WARN);
    assertThat(ForkOutput.levelOf("Note: Some input files use unchecked operations."))
        .isEqualTo(ConsoleReport.Level.DEBUG);
  }
}
