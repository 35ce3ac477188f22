package io.oomguard.maven.fork;

import java.util.List;

/**
 * The analysis JVM (or the index JVM before it) died or wrote no results: its exit status and the
 * tail of its output.
 */
public final class ForkFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public ForkFailedException(int exitCode, List<String> outputTail) {
    this("analysis", exitCode, outputTail);
  }

  /** The JVM doing {@code what} ("analysis", "index") failed. */
  public ForkFailedException(String what, int exitCode, List<String> outputTail) {
    super(
        "The oomguard "
            + what
            + " JVM exited with status "
            + exitCode
            + (outputTail.isEmpty()
                ? " and printed nothing."
                : ". Last lines of its output:\n  " + String.join("\n  ", outputTail))
            + "\nIf it ran out of memory, raise its heap with <jvmArgs>-Xmx2g</jvmArgs>"
            + " (-Doomguard.jvmArgs=-Xmx2g).");
    this.exitCode = exitCode;
  }

  /** The fork's exit status. */
  public int exitCode() {
    return exitCode;
  }
}
