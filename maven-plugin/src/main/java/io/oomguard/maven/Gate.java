package io.oomguard.maven;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a check run fails the build: new findings at or above {@code failOnSeverity},
 * more of them than {@code maxAllowedViolations}.
 *
 * @param failOnSeverity the lowest severity that counts
 * @param maxAllowedViolations how many counted findings are tolerated
 */
public record Gate(Severity failOnSeverity, int maxAllowedViolations) {

  public Gate {
    if (maxAllowedViolations < 0) {
      throw new IllegalArgumentException(
          "maxAllowedViolations must be 0 or more, was " + maxAllowedViolations);
    }
  }

  /** The findings that count against the build. */
  public List<Finding> violations(Assessment assessment) {
    return assessment.in(Assessment.State.NEW).stream()
        .filter(finding -> finding.severity().atLeast(failOnSeverity))
        .toList();
  }

  /** How many of the failing findings the failure message lists; the report has them all. */
  static final int LISTED = 20;

  /**
   * Why the build fails, or empty if it passes. The message lists the failing findings itself, so
   * that a quiet build ({@code mvn -q}, which hides the warnings above it) still says what failed.
   *
   * @param reportPath where the SARIF report with every finding is, named in the message
   */
  public Optional<String> failure(Assessment assessment, String reportPath) {
    List<Finding> violations = violations(assessment);
    if (violations.size() <= maxAllowedViolations) {
      return Optional.empty();
    }
    StringBuilder message =
        new StringBuilder("oomguard found ")
            .append(violations.size())
            .append(violations.size() == 1 ? " finding" : " findings")
            .append(" at ")
            .append(failOnSeverity)
            .append(" or above (allowed: ")
            .append(maxAllowedViolations)
            .append("):");
    for (Finding finding : violations.subList(0, Math.min(LISTED, violations.size()))) {
      message
          .append("\n  ")
          .append(finding.path())
          .append(":[")
          .append(finding.line())
          .append(',')
          .append(finding.column())
          .append("] [")
          .append(finding.check())
          .append(']');
    }
    if (violations.size() > LISTED) {
      message.append("\n  ... and ").append(violations.size() - LISTED).append(" more");
    }
    return Optional.of(
        message
            .append("\nEvery finding, with what to do about it, is in the build log above and in ")
            .append(reportPath)
            .append(". Fix them, suppress one with a reason (@OomSafe(\"why it cannot grow\") or")
            .append(" @SuppressWarnings(\"CheckName\")), or adopt the current findings with")
            .append(" `mvn oomguard:baseline`.")
            .toString());
  }
}
