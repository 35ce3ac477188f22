package io.oomguard.maven;

import java.util.Locale;

/** How serious a finding is. The order matters: {@code ERROR} is at or above {@code WARNING}. */
public enum Severity {
  WARNING,
  ERROR;

  /** Whether this severity is at least {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return compareTo(threshold) >= 0;
  }

  /** The SARIF {@code level} for this severity. */
  public String sarifLevel() {
    return this == ERROR ? "error" : "warning";
  }

  /**
   * Parses a user-written severity, ignoring case; {@code WARN}, Error Prone's spelling (as in
   * {@code -Xep:Name:WARN}), is {@code WARNING}.
   *
   * @param parameter the parameter the value came from, named in the error message
   * @throws IllegalArgumentException listing the valid values
   */
  public static Severity parse(String value, String parameter) {
    String normalized = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    if (normalized.equals("WARN")) {
      return WARNING;
    }
    for (Severity severity : values()) {
      if (severity.name().equals(normalized)) {
        return severity;
      }
    }
    throw new IllegalArgumentException(
        "Bad value '" + value + "' for " + parameter + ". Valid values: ERROR, WARNING (or WARN).");
  }
}
