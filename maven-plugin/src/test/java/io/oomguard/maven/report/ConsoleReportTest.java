package io.oomguard.maven.report;

import static com.google.common.truth.Truth.assertThat;
import static io.oomguard.maven.TestFindings.finding;
import static io.oomguard.maven.TestFindings.suppressed;

import io.oomguard.maven.Finding;
import io.oomguard.maven.Severity;
import io.oomguard.maven.baseline.Baseline;
import io.oomguard.maven.baseline.BaselineMatcher;
import io.oomguard.maven.fork.FixSuggestion;
import io.oomguard.maven.report.ConsoleReport.Level;
import io.oomguard.maven.report.ConsoleReport.Line;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ConsoleReportTest {
  private final Finding error = finding("GrowsForever", Severity.ERROR, "svc/src/Orders.java", 12);
  private final Finding warning = finding("BigBuffer", Severity.WARNING, "svc/src/Quotes.java", 3);

  @Test
  void newFindings_printedWithPositionCheckMessageAndLink_thenASummary() {
    List<Line> lines =
        ConsoleReport.render(
            BaselineMatcher.assess(List.of(error, warning), null),
            "svc/target/oomguard/oomguard.sarif");

    assertThat(lines)
        .containsExactly(
            new Line(
                Level.ERROR,
                "svc/src/Orders.java:[12,5] [GrowsForever] GrowsForever says: this grows without bound."),
            new Line(Level.ERROR, "    see https://example.org/docs/GrowsForever.md"),
            new Line(
                Level.WARN,
                "svc/src/Quotes.java:[3,5] [BigBuffer] BigBuffer says: this grows without bound."),
            new Line(Level.WARN, "    see https://example.org/docs/BigBuffer.md"),
            new Line(
                Level.INFO,
                "oomguard: 2 findings (1 error, 1 warning), 0 suppressed in source;"
                    + " report: svc/target/oomguard/oomguard.sarif"))
        .inOrder();
  }

  @Test
  void baselinedAndSuppressed_onlyInTheDebugLogAndTheCounts_staleEntriesWarned() {
    Finding quiet = suppressed(warning, "@OomSafe", "small");
    Finding gone = finding("BigBuffer", Severity.WARNING, "svc/src/Old.java", 8);

    List<Line> lines =
        ConsoleReport.render(
            BaselineMatcher.assess(List.of(error, quiet), Baseline.of(List.of(error, gone))), null);

    assertThat(lines.stream().filter(l -> l.level() == Level.ERROR).toList()).isEmpty();
    assertThat(lines)
        .contains(
            new Line(
                Level.WARN,
                "Stale baseline entry: [BigBuffer] svc/src/Old.java in Orders.find(String):"
                    + " @OomSafe(\"\") String label = name; -- no longer found; run `mvn"
                    + " oomguard:baseline` to drop it."));
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo(
            new Line(
                Level.INFO,
                "oomguard: 0 findings (0 errors, 0 warnings), 1 absorbed by the baseline,"
                    + " 1 stale baseline entry, 1 suppressed in source"));
    assertThat(lines.stream().filter(l -> l.level() == Level.DEBUG).map(Line::text))
        .containsExactly(
            "baselined: " + ConsoleReport.describe(error),
            "suppressed by @OomSafe: " + ConsoleReport.describe(quiet));
  }

  @Test
  void multiLineMessage_continuationLinesIndented() {
    Finding withFix =
        new Finding(
            "BigBuffer",
            Severity.WARNING,
            "A.java",
            1,
            1,
            1,
            2,
            "grows\nDid you mean 'new StringBuilder(64)'?",
            "",
            "",
            "",
            "",
            null,
            null);

    assertThat(ConsoleReport.describe(withFix))
        .isEqualTo("A.java:[1,1] [BigBuffer] grows\n    Did you mean 'new StringBuilder(64)'?");
  }

  @Test
  void findingWithAFix_showsTheLinesTheFixChangesAfterTheLink() {
    Finding plain = finding("GrowsForever", Severity.ERROR, "A.java", 3);
    Finding withFix =
        new Finding(
            plain.check(),
            plain.severity(),
            plain.path(),
            plain.line(),
            plain.column(),
            plain.endLine(),
            plain.endColumn(),
            plain.message(),
            plain.link(),
            plain.enclosingClass(),
            plain.enclosingMember(),
            plain.lineText(),
            null,
            new FixSuggestion(
                List.of(new FixSuggestion.Edit(3, 5, 3, 9, "b")),
                List.of("line 3:", "-     a();", "+     b();")));

    List<String> lines =
        ConsoleReport.render(BaselineMatcher.assess(List.of(withFix), null), null).stream()
            .map(ConsoleReport.Line::text)
            .toList();

    assertThat(lines)
        .containsAtLeast(
            ConsoleReport.describe(withFix),
            "    see " + plain.link(),
            "    suggested fix:",
            "      line 3:",
            "      -     a();",
            "      +     b();")
        .inOrder();
  }
}
