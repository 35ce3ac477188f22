package io.oomguard.maven.baseline;

import io.oomguard.maven.Finding;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The findings a module has adopted: each identity with how many times it occurs (the same line
 * shape may repeat in one method).
 */
public final class Baseline {
  private final Map<FindingIdentity, Integer> counts;

  /** A baseline with the given counts; every count must be positive. */
  public Baseline(Map<FindingIdentity, Integer> counts) {
    Map<FindingIdentity, Integer> sorted = new TreeMap<>();
    counts.forEach(
        (identity, count) -> {
          if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + identity);
          }
          sorted.merge(identity, count, Integer::sum);
        });
    this.counts = Collections.unmodifiableMap(sorted);
  }

  /** The baseline that adopts exactly {@code findings} (suppressed ones are left out). */
  public static Baseline of(Collection<Finding> findings) {
    Map<FindingIdentity, Integer> counts = new TreeMap<>();
    for (Finding finding : findings) {
      if (!finding.suppressed()) {
        counts.merge(FindingIdentity.of(finding), 1, Integer::sum);
      }
    }
    return new Baseline(counts);
  }

  /** Each identity and its count, sorted by path, class, member and check. */
  public Map<FindingIdentity, Integer> counts() {
    return counts;
  }

  /** How many findings the baseline adopts in all. */
  public int size() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
