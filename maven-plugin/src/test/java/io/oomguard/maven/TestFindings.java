package io.oomguard.maven;

import java.util.List;

/** Findings and catalogues for tests that do not run the analysis. */
public final class TestFindings {
  private TestFindings() {}

  /** A blank-reason finding in {@code path} at {@code line}, in {@code Orders.find(String)}. */
  public static Finding finding(String check, Severity severity, String path, int line) {
    return new Finding(
        check,
        severity,
        path,
        line,
        5,
        line,
        17,
        check + " says: this grows without bound.",
        "https://example.org/docs/" + check + ".md",
        "Orders",
        "find(String)",
        "    @OomSafe(\"\")   String label = name;",
        null,
        null);
  }

  /** The same finding, suppressed in source. */
  public static Finding suppressed(Finding finding, String annotation, String justification) {
    return new Finding(
        finding.check(),
        finding.severity(),
        finding.path(),
        finding.line(),
        finding.column(),
        finding.endLine(),
        finding.endColumn(),
        finding.message(),
        finding.link(),
        finding.enclosingClass(),
        finding.enclosingMember(),
        finding.lineText(),
        new Finding.Suppression(annotation, justification),
        finding.fix());
  }

  /** The same finding moved to another line, as after an edit above it. */
  public static Finding movedTo(Finding finding, int line) {
    return new Finding(
        finding.check(),
        finding.severity(),
        finding.path(),
        line,
        finding.column(),
        line,
        finding.endColumn(),
        finding.message(),
        finding.link(),
        finding.enclosingClass(),
        finding.enclosingMember(),
        finding.lineText(),
        finding.suppression(),
        finding.fix());
  }

  /** A two-check catalogue: an ERROR check and a WARNING check. */
  public static Catalogue catalogue() {
    return new Catalogue(
        List.of(
            new CheckInfo(
                "GrowsForever",
                Severity.ERROR,
                "A map that only grows",
                "",
                "https://example.org/docs/GrowsForever.md",
                List.of("java.lang.SuppressWarnings", "io.oomguard.annotations.OomSafe")),
            new CheckInfo(
                "BigBuffer",
                Severity.WARNING,
                "An unsized buffer in hot code",
                "Buffers double as they grow.",
                "https://example.org/docs/BigBuffer.md",
                List.of("java.lang.SuppressWarnings"))));
  }
}
