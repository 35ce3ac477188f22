package io.oomguard.maven;

import io.oomguard.maven.fork.FixSuggestion;
import java.util.Objects;

/**
 * One oomguard finding in a module's sources.
 *
 * @param check the check name
 * @param severity the effective severity (the {@code checks} parameter applied)
 * @param path the source file, relative to the top-level project directory, with {@code /}
 * @param line 1-based line of the start of the flagged code
 * @param column 1-based column (UTF-16 code units) of the start of the flagged code
 * @param endLine 1-based line of the end of the flagged code
 * @param endColumn 1-based column just past the end of the flagged code
 * @param message what the check says, without the check name and link
 * @param link the check's documentation page
 * @param enclosingClass the named class the code is in ({@code Outer.Inner}), or empty
 * @param enclosingMember the method ({@code name(ParamType)}), field or initializer, or empty
 * @param lineText the source line at {@code line}, without its line break
 * @param suppression how the finding is suppressed in source, or {@code null} if it is not
 * @param fix what the check's suggested fix changes, or {@code null} when it offers none
 */
public record Finding(
    String check,
    Severity severity,
    String path,
    int line,
    int column,
    int endLine,
    int endColumn,
    String message,
    String link,
    String enclosingClass,
    String enclosingMember,
    String lineText,
    Suppression suppression,
    FixSuggestion fix) {

  public Finding {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    link = Objects.requireNonNullElse(link, "");
    enclosingClass = Objects.requireNonNullElse(enclosingClass, "");
    enclosingMember = Objects.requireNonNullElse(enclosingMember, "");
    lineText = Objects.requireNonNullElse(lineText, "");
  }

  /** Whether an in-source annotation suppresses this finding. */
  public boolean suppressed() {
    return suppression != null;
  }

  /**
   * An in-source suppression of a finding.
   *
   * @param annotation the annotation as written, e.g. {@code @OomSafe} or {@code @SuppressWarnings}
   * @param justification the reason given ({@code @OomSafe}'s value), or empty
   */
  public record Suppression(String annotation, String justification) {
    public Suppression {
      Objects.requireNonNull(annotation, "annotation");
      justification = Objects.requireNonNullElse(justification, "");
    }
  }
}
