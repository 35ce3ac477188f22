package io.oomguard.maven;

import io.oomguard.maven.baseline.FindingIdentity;
import java.util.List;
import java.util.Objects;

/**
 * The findings of a check run, each with what became of it, and the baseline entries nothing
 * matched any more.
 *
 * @param findings every finding, in report order
 * @param stale baseline entries (with how many occurrences) that no current finding matched
 * @param baselineUsed whether a baseline file was read (SARIF then carries {@code baselineState})
 */
public record Assessment(List<Assessed> findings, List<Stale> stale, boolean baselineUsed) {

  public Assessment {
    findings = List.copyOf(findings);
    stale = List.copyOf(stale);
  }

  /** What became of a finding. */
  public enum State {
    /** Not suppressed, not in the baseline: counts against the build. */
    NEW,
    /** Matched a baseline entry: reported, never fails the build. */
    BASELINED,
    /** Suppressed in source by {@code @SuppressWarnings} or {@code @OomSafe}. */
    SUPPRESSED
  }

  /**
   * A finding and its state.
   *
   * @param finding the finding
   * @param state what became of it
   */
  public record Assessed(Finding finding, State state) {
    public Assessed {
      Objects.requireNonNull(finding, "finding");
      Objects.requireNonNull(state, "state");
    }
  }

  /**
   * A baseline entry that matched fewer findings than it records: the code was fixed or changed.
   *
   * @param identity the entry
   * @param count how many of its occurrences are gone
   */
  public record Stale(FindingIdentity identity, int count) {}

  /** The findings in {@code state}. */
  public List<Finding> in(State state) {
    return findings.stream().filter(a -> a.state() == state).map(Assessed::finding).toList();
  }
}
