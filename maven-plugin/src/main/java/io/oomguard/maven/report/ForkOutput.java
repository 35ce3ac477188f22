package io.oomguard.maven.report;

/**
 * Where a line printed by the index or analysis JVM belongs in the build log: the index's summary
 * and oomguard's own warnings (a file the index cannot read, a check's internal error, after which
 * that place has no finding) where every build shows them, javac's chatter in the debug log.
 */
public final class ForkOutput {
  private ForkOutput() {}

  /** The log level of {@code line}. */
  public static ConsoleReport.Level levelOf(String line) {
    if (line.startsWith("oomguard index: skipped") || line.startsWith("oomguard: internal error")) {
      return ConsoleReport.Level.WARN;
    }
    if (line.startsWith("oomguard index:")) {
      return ConsoleReport.Level.INFO;
    }
    return ConsoleReport.Level.DEBUG;
  }
}
