package io.oomguard.maven.baseline;

import io.oomguard.maven.Assessment;
import io.oomguard.maven.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a run's findings against a baseline: each entry absorbs up to its count of findings with
 * its identity; the rest are new, and what is left of the entries is stale.
 */
public final class BaselineMatcher {
  private BaselineMatcher() {}

  /**
   * Assesses {@code findings} against {@code baseline}.
   *
   * @param baseline the adopted findings, or {@code null} when the module has no baseline file
   */
  public static Assessment assess(List<Finding> findings, Baseline baseline) {
    Map<FindingIdentity, Integer> remaining =
        new LinkedHashMap<>(baseline == null ? Map.of() : baseline.counts());
    List<Assessment.Assessed> assessed = new ArrayList<>();
    for (Finding finding : findings) {
      Assessment.State state;
      if (finding.suppressed()) {
        state = Assessment.State.SUPPRESSED;
      } else if (remaining.getOrDefault(FindingIdentity.of(finding), 0) > 0) {
        remaining.merge(FindingIdentity.of(finding), -1, Integer::sum);
        state = Assessment.State.BASELINED;
      } else {
        state = Assessment.State.NEW;
      }
      assessed.add(new Assessment.Assessed(finding, state));
    }
    List<Assessment.Stale> stale = new ArrayList<>();
    remaining.forEach(
        (identity, count) -> {
          if (count > 0) {
            stale.add(new Assessment.Stale(identity, count));
          }
        });
    return new Assessment(assessed, stale, baseline != null);
  }
}
