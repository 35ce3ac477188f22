package io.oomguard.maven.baseline;

import io.oomguard.maven.Finding;
import java.util.Comparator;
import java.util.Objects;

/**
 * What makes two findings "the same" across builds: the check, the file (relative to the top-level
 * project), the enclosing class and member, and the flagged line's text with white space
 * normalized. No line numbers, so that edits elsewhere in the file do not disturb the baseline.
 *
 * @param check the check name
 * @param path the source path relative to the top-level project, with {@code /}
 * @param enclosingClass the enclosing named class, {@code Outer.Inner}
 * @param enclosingMember the enclosing method, field or initializer
 * @param lineText the flagged line, trimmed, runs of white space collapsed to one space
 */
public record FindingIdentity(
    String check, String path, String enclosingClass, String enclosingMember, String lineText)
    implements Comparable<FindingIdentity> {

  private static final Comparator<FindingIdentity> ORDER =
      Comparator.comparing(FindingIdentity::path)
          .thenComparing(FindingIdentity::enclosingClass)
          .thenComparing(FindingIdentity::enclosingMember)
          .thenComparing(FindingIdentity::check)
          .thenComparing(FindingIdentity::lineText);

  public FindingIdentity {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(path, "path");
    enclosingClass = Objects.requireNonNullElse(enclosingClass, "");
    enclosingMember = Objects.requireNonNullElse(enclosingMember, "");
    lineText = normalize(Objects.requireNonNullElse(lineText, ""));
  }

  /** The identity of {@code finding}. */
  public static FindingIdentity of(Finding finding) {
    return new FindingIdentity(
        finding.check(),
        finding.path(),
        finding.enclosingClass(),
        finding.enclosingMember(),
        finding.lineText());
  }

  /** Trims and collapses white space, so that re-indenting a line keeps its identity. */
  static String normalize(String line) {
    return line.trim().replaceAll("\\s+", " ");
  }

  @Override
  public int compareTo(FindingIdentity other) {
    return ORDER.compare(this, other);
  }
}
