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

  /** Why the build fails, or empty if it passes. */
  public Optional<String> failure(Assessment assessment) {
    int violations = violations(assessment).size();
    if (violations <= maxAllowedViolations) {
      return Optional.empty();
    }
    return Optional.of(
        "oomguard found "
            + violations
            + (violations == 1 ? " finding" : " findings")
            + " at "
            + failOnSeverity
            + " or above (allowed: "
            + maxAllowedViolations
            + "); they are listed above. Fix them, suppress one with a reason"
            + " (@OomSafe(\"why it cannot grow\") or @SuppressWarnings(\"CheckName\")), or adopt the"
            + " current findings with `mvn oomguard:baseline`.");
  }
}
