package io.oomguard.maven.report;

import io.oomguard.maven.Assessment;
import io.oomguard.maven.Finding;
import io.oomguard.maven.Severity;
import io.oomguard.maven.baseline.FindingIdentity;
import java.util.ArrayList;
import java.util.List;

/**
 * The build-log view of a check run: every new finding as {@code path:[line,col] [CheckName]
 * message} with its docs link and the lines its suggested fix changes, stale baseline entries, and
 * one summary line.
 */
public final class ConsoleReport {
  private ConsoleReport() {}

  /** The log level of a line. */
  public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR
  }

  /**
   * One line of the report.
   *
   * @param level where it goes in the log
   * @param text what it says
   */
  public record Line(Level level, String text) {}

  /**
   * Renders {@code assessment}.
   *
   * @param reportPath where the SARIF report was written, as shown in the summary; may be null
   */
  public static List<Line> render(Assessment assessment, String reportPath) {
    List<Line> lines = new ArrayList<>();
    for (Assessment.Assessed assessed : assessment.findings()) {
      Finding finding = assessed.finding();
      switch (assessed.state()) {
        case NEW -> {
          Level level = finding.severity() == Severity.ERROR ? Level.ERROR : Level.WARN;
          lines.add(new Line(level, describe(finding)));
          if (!finding.link().isEmpty()) {
            lines.add(new Line(level, "    see " + finding.link()));
          }
          if (finding.fix() != null && !finding.fix().preview().isEmpty()) {
            lines.add(new Line(level, "    suggested fix:"));
            finding.fix().preview().forEach(line -> lines.add(new Line(level, "      " + line)));
          }
        }
        case BASELINED -> lines.add(new Line(Level.DEBUG, "baselined: " + describe(finding)));
        case SUPPRESSED ->
            lines.add(
                new Line(
                    Level.DEBUG,
                    "suppressed by "
                        + finding.suppression().annotation()
                        + ": "
                        + describe(finding)));
      }
    }
    for (Assessment.Stale stale : assessment.stale()) {
      FindingIdentity entry = stale.identity();
      lines.add(
          new Line(
              Level.WARN,
              "Stale baseline entry"
                  + (stale.count() > 1 ? " (" + stale.count() + " occurrences)" : "")
                  + ": ["
                  + entry.check()
                  + "] "
                  + entry.path()
                  + " in "
                  + member(entry)
                  + ": "
                  + entry.lineText()
                  + " -- no longer found; run `mvn oomguard:baseline` to drop it."));
    }
    lines.add(new Line(Level.INFO, summary(assessment, reportPath)));
    return lines;
  }

  /** {@code path:[line,col] [CheckName] message}, continuation lines indented. */
  public static String describe(Finding finding) {
    return finding.path()
        + ":["
        + finding.line()
        + ","
        + finding.column()
        + "] ["
        + finding.check()
        + "] "
        + finding.message().replace("\n", "\n    ");
  }

  private static String member(FindingIdentity entry) {
    if (entry.enclosingMember().isEmpty()) {
      return entry.enclosingClass().isEmpty() ? "(top level)" : entry.enclosingClass();
    }
    return entry.enclosingClass() + "." + entry.enclosingMember();
  }

  private static String summary(Assessment assessment, String reportPath) {
    List<Finding> fresh = assessment.in(Assessment.State.NEW);
    long errors = fresh.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long warnings = fresh.size() - errors;
    StringBuilder summary =
        new StringBuilder("oomguard: ")
            .append(plural(fresh.size(), "finding"))
            .append(" (")
            .append(plural(errors, "error"))
            .append(", ")
            .append(plural(warnings, "warning"))
            .append(')');
    if (assessment.baselineUsed()) {
      summary
          .append(", ")
          .append(assessment.in(Assessment.State.BASELINED).size())
          .append(" absorbed by the baseline, ")
          .append(
              plural(assessment.stale().size(), "stale baseline entry", "stale baseline entries"));
    }
    summary
        .append(", ")
        .append(assessment.in(Assessment.State.SUPPRESSED).size())
        .append(" suppressed in source");
    if (reportPath != null) {
      summary.append("; report: ").append(reportPath);
    }
    return summary.toString();
  }

  private static String plural(long count, String noun) {
    return plural(count, noun, noun + "s");
  }

  private static String plural(long count, String singular, String plural) {
    return count + " " + (count == 1 ? singular : plural);
  }
}
