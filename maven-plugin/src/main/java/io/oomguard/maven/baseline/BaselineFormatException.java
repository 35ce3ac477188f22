package io.oomguard.maven.baseline;

import java.nio.file.Path;

/** A baseline file that cannot be read: says which file, which line and what is wrong. */
public final class BaselineFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public BaselineFormatException(Path file, int line, String problem) {
    super(
        "Malformed oomguard baseline "
            + file
            + (line > 0 ? ":" + line : "")
            + ": "
            + (problem.endsWith(".") ? problem.substring(0, problem.length() - 1) : problem)
            + ". Fix the file, or delete it and run `mvn oomguard:baseline` to record it again.");
  }
}
