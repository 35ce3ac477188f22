package io.oomguard.maven.baseline;

import static com.google.common.truth.Truth.assertThat;
import static io.oomguard.maven.TestFindings.finding;
import static io.oomguard.maven.TestFindings.movedTo;
import static io.oomguard.maven.TestFindings.suppressed;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.oomguard.maven.Assessment;
import io.oomguard.maven.Finding;
import io.oomguard.maven.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BaselineTest {
  @TempDir Path dir;

  private final Finding first = finding("GrowsForever", Severity.ERROR, "svc/src/Orders.java", 10);
  private final Finding repeat = finding("GrowsForever", Severity.ERROR, "svc/src/Orders.java", 14);
  private final Finding other = finding("BigBuffer", Severity.WARNING, "svc/src/Quotes.java", 3);

  @Test
  void identity_ignoresLineNumbersAndIndentation() {
    Finding reindented =
        new Finding(
            first.check(),
            first.severity(),
            first.path(),
            99,
            1,
            99,
            2,
            first.message(),
            first.link(),
            first.enclosingClass(),
            first.enclosingMember(),
            "\t@OomSafe(\"\") String   label = name;  ",
            null,
            null);

    assertThat(FindingIdentity.of(reindented)).isEqualTo(FindingIdentity.of(first));
    assertThat(FindingIdentity.of(first).lineText())
        .isEqualTo("@OomSafe(\"\") String label = name;");
  }

  @Test
  void repeatedIdentity_countedOnce_suppressedLeftOut() {
    Baseline baseline =
        Baseline.of(List.of(first, repeat, other, suppressed(other, "@OomSafe", "small")));

    assertThat(baseline.counts()).containsEntry(FindingIdentity.of(first), 2);
    assertThat(baseline.counts()).containsEntry(FindingIdentity.of(other), 1);
    assertThat(baseline.size()).isEqualTo(3);
  }

  @Test
  void matcher_absorbsUpToTheCount_restIsNew_leftoverIsStale() {
    Baseline baseline = Baseline.of(List.of(first, other));

    Assessment assessment =
        BaselineMatcher.assess(List.of(movedTo(first, 40), movedTo(repeat, 44)), baseline);

    assertThat(assessment.in(Assessment.State.BASELINED)).containsExactly(movedTo(first, 40));
    assertThat(assessment.in(Assessment.State.NEW)).containsExactly(movedTo(repeat, 44));
    assertThat(assessment.stale())
        .containsExactly(new Assessment.Stale(FindingIdentity.of(other), 1));
    assertThat(assessment.baselineUsed()).isTrue();
  }

  @Test
  void noBaseline_everyUnsuppressedFindingIsNew() {
    Finding quiet = suppressed(other, "@SuppressWarnings(\"BigBuffer\")", "");

    Assessment assessment = BaselineMatcher.assess(List.of(first, quiet), null);

    assertThat(assessment.in(Assessment.State.NEW)).containsExactly(first);
    assertThat(assessment.in(Assessment.State.SUPPRESSED)).containsExactly(quiet);
    assertThat(assessment.baselineUsed()).isFalse();
  }

  @Test
  void file_roundTripsSortedWithEscapedText() throws Exception {
    Finding awkward =
        new Finding(
            "BigBuffer",
            Severity.WARNING,
            "a/src/X & <Y>.java",
            1,
            1,
            1,
            2,
            "m",
            "",
            "X",
            "go(Map<String, List<T>>)",
            "if (a < b && c > \"d\") { sb.append('&'); }",
            null,
            null);
    Baseline baseline = Baseline.of(List.of(other, first, repeat, awkward));
    Path file = dir.resolve("oomguard-baseline.xml");

    BaselineFile.write(baseline, file);

    assertThat(BaselineFile.read(file).counts()).isEqualTo(baseline.counts());
    String xml = Files.readString(file);
    assertThat(xml).doesNotContain("line=\"");
    assertThat(xml.indexOf("a/src/X")).isLessThan(xml.indexOf("svc/src/Orders.java"));
    assertThat(xml).contains("count=\"2\"");
  }

  @Test
  void malformedFiles_reportPathLineAndProblem() throws Exception {
    assertMalformed("not xml at all", 1, "");
    assertMalformed(
        "<?xml version=\"1.0\"?>\n<baseline version=\"1\"/>", 2, "expected <oomguard-baseline>");
    assertMalformed("<oomguard-baseline version=\"2\"/>", 1, "unsupported version '2'");
    assertMalformed(
        "<oomguard-baseline version=\"1\">\n\n  <finding check=\"A\">x</finding>\n</oomguard-baseline>",
        3,
        "<finding> without its 'path' attribute");
    assertMalformed(
        "<oomguard-baseline version=\"1\">\n  <finding check=\"A\" path=\"p\" count=\"0\">x</finding>\n"
            + "</oomguard-baseline>",
        2,
        "count must be a positive whole number, was '0'");
    assertMalformed(
        "<oomguard-baseline version=\"1\">\n  <entry/>\n</oomguard-baseline>",
        2,
        "unexpected element <entry>");
    assertMalformed(
        "<oomguard-baseline version=\"1\">\n  <finding check=\"A\" path=\"p\">x</finding>\n",
        3,
        "");
  }

  private void assertMalformed(String content, int line, String problem) throws Exception {
    Path file = dir.resolve("bad.xml");
    Files.writeString(file, content);

    BaselineFormatException e =
        assertThrows(BaselineFormatException.class, () -> BaselineFile.read(file));

    assertThat(e)
        .hasMessageThat()
        .startsWith("Malformed oomguard baseline " + file + ":" + line + ": ");
    assertThat(e).hasMessageThat().contains(problem);
    assertThat(e).hasMessageThat().endsWith("run `mvn oomguard:baseline` to record it again.");
    assertThat(e).hasMessageThat().doesNotContain("..");
  }
}
