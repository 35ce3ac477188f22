package io.oomguard.maven.fork;

import java.util.List;

/**
 * The analysis JVM (or the index JVM before it) died, wrote no results, or could not complete the
 * analysis: its exit status and what it said.
 */
public final class ForkFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * The analysis JVM's exit status when the analysis did not complete (a check or Error Prone could
   * not start or crashed); it printed the reason before exiting.
   */
  public static final int ANALYSIS_INCOMPLETE = 4;

  /** The first line the analysis JVM prints when the analysis did not complete. */
  static final String INCOMPLETE_MARKER = "oomguard: the analysis did not complete.";

  private final int exitCode;

  public ForkFailedException(int exitCode, List<String> outputTail) {
    this("analysis", exitCode, outputTail);
  }

  /** The JVM doing {@code what} ("analysis", "index") failed. */
  public ForkFailedException(String what, int exitCode, List<String> output) {
    super(message(what, exitCode, output));
    this.exitCode = exitCode;
  }

  private static String message(String what, int exitCode, List<String> output) {
    if (exitCode == ANALYSIS_INCOMPLETE
        && !output.isEmpty()
        && output.get(0).startsWith(INCOMPLETE_MARKER)) {
      return String.join("\n  ", output);
    }
    return "The oomguard "
        + what
        + " JVM exited with status "
        + exitCode
        + (output.isEmpty()
            ? " and printed nothing."
            : ". Last lines of its output:\n  " + String.join("\n  ", output))
        + (exitCode == 0
            ? "\nIt wrote no results; please report this."
            : "\nIf it ran out of memory, raise its heap (default "
                + ForkCommand.DEFAULT_MAX_HEAP
                + ") with <jvmArgs>-Xmx2g</jvmArgs> (-Doomguard.jvmArgs=-Xmx2g).");
  }

  /** The fork's exit status. */
  public int exitCode() {
    return exitCode;
  }
}
