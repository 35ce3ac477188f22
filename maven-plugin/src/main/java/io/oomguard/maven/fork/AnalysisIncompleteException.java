package io.oomguard.maven.fork;

import java.io.StringWriter;
import java.util.List;

/**
 * The analysis did not run to its end, so its silence means nothing: Error Prone or a check could
 * not start or crashed, or javac reported failure without a compile error. The message says why,
 * with the tail of what javac printed.
 */
final class AnalysisIncompleteException extends Exception {
  private static final long serialVersionUID = 1L;

  /** javac's output starts with what went wrong; the stack trace after it is for the debug log. */
  private static final int OUTPUT_LINES = 25;

  AnalysisIncompleteException(String reason, StringWriter javacOutput) {
    super(
        "oomguard: the analysis did not complete. "
            + reason
            + firstLines(javacOutput)
            + (javacOutput.toString().contains("OutOfMemoryError")
                ? "\nThe analysis JVM ran out of memory (its default is "
                    + ForkCommand.DEFAULT_MAX_HEAP
                    + "): raise it with <jvmArgs>-Xmx2g</jvmArgs> (-Doomguard.jvmArgs=-Xmx2g)."
                : ""));
  }

  private static String firstLines(StringWriter output) {
    List<String> lines = output.toString().strip().lines().toList();
    if (lines.isEmpty() || lines.get(0).isEmpty()) {
      return "";
    }
    return "\njavac printed:\n"
        + String.join("\n", lines.subList(0, Math.min(lines.size(), OUTPUT_LINES)))
        + (lines.size() > OUTPUT_LINES
            ? "\n... (" + (lines.size() - OUTPUT_LINES) + " more lines in the debug log, mvn -X)"
            : "");
  }
}
