package io.oomguard.maven;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.errorprone.ErrorProneJavaCompiler;
import com.google.errorprone.scanner.ScannerSupplier;
import io.oomguard.checker.Checks;
import io.oomguard.maven.index.ModuleIndex;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recall on real bug fixes: the corpus's pairs modeled on public OOM and thread-exhaustion fixes
 * ({@code test-cases/.../cases/realfixes/<pair>/before} and {@code .../after}, each citing the fix
 * it models). Each directory is analyzed as the Maven plugin analyzes a module, the cross-class
 * index included, with every check on.
 *
 * <p>A pair is caught when every marker of its {@code before} ({@code // BUG: Diagnostic contains:
 * <CheckName>} above a line) has that check's finding on that line; its fix is quiet when the
 * {@code after} has no finding of the checks its markers name. Findings of other checks are listed
 * in the report, not counted. The report goes to {@code target/real-fixes.md}.
 *
 * <p>The targets are recall at least 0.9 overall and 0.8 per check, fixed versions quiet at
 * least 0.95. The quiet target is met and asserted. The recall targets are not met yet (0.78
 * overall on 2026-12-07, three checks below 0.8; the report lists the missed pairs): what is
 * asserted for recall is a floor, today's recall rounded down, so that a change that loses a real
 * bug fails the build. Raise the floors as recall rises; never lower them to let a change in.
 */
final class RealFixCorpusTest {
  private static final Path PAIRS =
      Paths.get(System.getProperty("oomguard.cases.dir", "../test-cases/src/main/java"))
          .resolve("io/oomguard/cases/realfixes");

  /** Today's overall recall (38 of 49), rounded down. */
  static final double RECALL_FLOOR = 0.75;

  /** Today's lowest per-check recall (NonRepeatingCacheKey, 3 of 7), rounded down. */
  static final double CHECK_RECALL_FLOOR = 0.4;

  static final double QUIET_TARGET = 0.95;

  private static final Pattern MARKER =
      Pattern.compile("^\\s*// BUG: Diagnostic contains: ([A-Za-z]+)\\s*$");
  private static final Pattern FINDING = Pattern.compile("^\\[([A-Za-z]+)\\] ", Pattern.DOTALL);

  @TempDir Path work;

  @Test
  void realFixes_buggyVersionsCaught_fixedVersionsQuiet() throws IOException {
    List<Path> pairs = pairs();
    assertThat(pairs).isNotEmpty();
    List<PairResult> results = new ArrayList<>();
    for (Path pair : pairs) {
      results.add(measure(pair));
    }
    Summary summary = Summary.of(results);
    Path report = Paths.get("target", "real-fixes.md");
    Files.writeString(report, summary.render(results), StandardCharsets.UTF_8);
    System.out.println(summary.render(results));

    assertWithMessage("recall on real fixes (report: %s)", report.toAbsolutePath())
        .that(summary.recall())
        .isAtLeast(RECALL_FLOOR);
    assertWithMessage("fixed versions quiet (report: %s)", report.toAbsolutePath())
        .that(summary.quiet())
        .isAtLeast(QUIET_TARGET);
    summary.perCheck.forEach(
        (check, counts) ->
            assertWithMessage("recall of %s (report: %s)", check, report.toAbsolutePath())
                .that(counts.recall())
                .isAtLeast(CHECK_RECALL_FLOOR));
  }

  /** One pair: what its markers expect, what each version reported. */
  record PairResult(
      String pair,
      Set<String> checks,
      List<Expected> missed,
      int markers,
      List<Reported> afterFindings,
      List<Reported> otherBeforeFindings) {
    boolean caught() {
      return missed.isEmpty();
    }

    boolean quiet() {
      return afterFindings.stream().noneMatch(f -> checks.contains(f.check()));
    }

    boolean caught(String check) {
      return missed.stream().noneMatch(e -> e.check().equals(check));
    }
  }

  /** A marker: the check expected on a line of a file. */
  record Expected(String file, long line, String check) {}

  /** A finding: a check's diagnostic on a line of a file. */
  record Reported(String file, long line, String check) {}

  private PairResult measure(Path pair) throws IOException {
    Path before = pair.resolve("before");
    Path after = pair.resolve("after");
    List<Expected> expected = markers(before);
    assertWithMessage("%s has no markers in before/", pair.getFileName())
        .that(expected)
        .isNotEmpty();
    assertWithMessage("%s has markers in after/", pair.getFileName())
        .that(markers(after))
        .isEmpty();
    List<Reported> beforeFindings = analyze(before);
    List<Reported> afterFindings = analyze(after);
    Set<String> checks = new LinkedHashSet<>();
    List<Expected> missed = new ArrayList<>();
    for (Expected marker : expected) {
      checks.add(marker.check());
      boolean hit =
          beforeFindings.stream()
              .anyMatch(
                  f ->
                      f.file().equals(marker.file())
                          && f.line() == marker.line()
                          && f.check().equals(marker.check()));
      if (!hit) {
        missed.add(marker);
      }
    }
    List<Reported> others =
        beforeFindings.stream()
            .filter(
                f ->
                    expected.stream()
                        .noneMatch(
                            e ->
                                e.file().equals(f.file())
                                    && e.line() == f.line()
                                    && e.check().equals(f.check())))
            .toList();
    return new PairResult(
        pair.getFileName().toString(), checks, missed, expected.size(), afterFindings, others);
  }

  /** Every marker in the directory's files: the check named, on the first line after its block. */
  private static List<Expected> markers(Path dir) throws IOException {
    List<Expected> markers = new ArrayList<>();
    for (Path file : javaFiles(dir)) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher marker = MARKER.matcher(lines.get(i));
        if (!marker.matches()) {
          continue;
        }
        int target = i + 1;
        while (target < lines.size() && lines.get(target).trim().startsWith("//")) {
          target++;
        }
        markers.add(new Expected(dir.relativize(file).toString(), target + 1, marker.group(1)));
      }
    }
    return markers;
  }

  /** The directory analyzed as one module: the index, then every check. */
  private List<Reported> analyze(Path dir) throws IOException {
    ModuleIndex.Result result = ModuleIndex.build(List.of(dir), Set.of());
    assertWithMessage("files the index could not parse in %s", dir)
        .that(result.unparsable())
        .isEmpty();
    Path index = Files.createTempFile(work, "hot-methods", ".tsv");
    result.index().write(index);
    Path classes = Files.createTempDirectory(work, "classes");
    List<String> options = new ArrayList<>();
    options.addAll(
        List.of(
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "--should-stop=ifNoError=FLOW",
            "-proc:none",
            "-encoding",
            "UTF-8",
            "-d",
            classes.toString(),
            "-classpath",
            System.getProperty("java.class.path"),
            "-XepDisableAllChecks",
            "-XepOpt:OomGuard:HotMethodsFile=" + index));
    Checks.all().forEach(check -> options.add("-Xep:" + Checks.name(check) + ":WARN"));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    ErrorProneJavaCompiler javac =
        new ErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(Checks.all()));
    StringWriter output = new StringWriter();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean compiled =
          javac
              .getTask(
                  output,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(javaFiles(dir)))
              .call();
      assertWithMessage("%s does not compile: %s %s", dir, diagnostics.getDiagnostics(), output)
          .that(compiled)
          .isTrue();
    }
    List<Reported> reported = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      Matcher finding = FINDING.matcher(diagnostic.getMessage(Locale.ROOT));
      if (diagnostic.getSource() == null || !finding.lookingAt()) {
        continue;
      }
      Path file = Paths.get(diagnostic.getSource().toUri());
      reported.add(
          new Reported(
              dir.toAbsolutePath().relativize(file.toAbsolutePath()).toString(),
              diagnostic.getLineNumber(),
              finding.group(1)));
    }
    return reported;
  }

  private static List<Path> pairs() throws IOException {
    try (Stream<Path> dirs = Files.list(PAIRS)) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static List<Path> javaFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts per check, and the whole. */
  record Counts(int pairs, int caught, int quiet) {
    double recall() {
      return pairs == 0 ? 1 : caught / (double) pairs;
    }

    double quietShare() {
      return pairs == 0 ? 1 : quiet / (double) pairs;
    }
  }

  /** The results in numbers. */
  record Summary(Counts all, Map<String, Counts> perCheck) {
    static Summary of(List<PairResult> results) {
      Map<String, Counts> perCheck = new TreeMap<>();
      for (PairResult result : results) {
        for (String check : result.checks()) {
          boolean quiet = result.afterFindings().stream().noneMatch(f -> f.check().equals(check));
          Counts counts = perCheck.getOrDefault(check, new Counts(0, 0, 0));
          perCheck.put(
              check,
              new Counts(
                  counts.pairs() + 1,
                  counts.caught() + (result.caught(check) ? 1 : 0),
                  counts.quiet() + (quiet ? 1 : 0)));
        }
      }
      return new Summary(
          new Counts(
              results.size(),
              (int) results.stream().filter(PairResult::caught).count(),
              (int) results.stream().filter(PairResult::quiet).count()),
          perCheck);
    }

    double recall() {
      return all.recall();
    }

    double quiet() {
      return all.quietShare();
    }

    String render(List<PairResult> results) {
      StringBuilder out = new StringBuilder("# Real-fix corpus: recall and fixed-quiet\n\n");
      out.append(
          String.format(
              Locale.ROOT,
              "Targets: recall 0.9 overall and 0.8 per check, fixed quiet %.2f. Asserted: the quiet"
                  + " target, and recall floors of %.2f overall and %.2f per check.%n%n",
              QUIET_TARGET,
              RECALL_FLOOR,
              CHECK_RECALL_FLOOR));
      out.append("| check | pairs | caught | recall | fixed quiet |\n|---|--:|--:|--:|--:|\n");
      perCheck.forEach(
          (check, counts) ->
              out.append(
                  String.format(
                      Locale.ROOT,
                      "| %s | %d | %d | %.2f | %d (%.2f) |%n",
                      check,
                      counts.pairs(),
                      counts.caught(),
                      counts.recall(),
                      counts.quiet(),
                      counts.quietShare())));
      out.append(
          String.format(
              Locale.ROOT,
              "| **all** | %d | %d | %.2f | %d (%.2f) |%n%n",
              all.pairs(),
              all.caught(),
              all.recall(),
              all.quiet(),
              all.quietShare()));
      out.append(
          "| pair | checks | caught | quiet | missed | after: findings | before: others |\n");
      out.append("|---|---|---|---|---|---|---|\n");
      for (PairResult result : results) {
        out.append(
            String.format(
                "| %s | %s | %s | %s | %s | %s | %s |%n",
                result.pair(),
                String.join(", ", result.checks()),
                result.caught() ? "yes" : "**no**",
                result.quiet() ? "yes" : "**no**",
                describe(result.missed().stream().map(m -> m.file() + ":" + m.line()).toList()),
                describe(
                    result.afterFindings().stream()
                        .map(f -> f.check() + " " + f.file() + ":" + f.line())
                        .toList()),
                describe(
                    result.otherBeforeFindings().stream()
                        .map(f -> f.check() + " " + f.file() + ":" + f.line())
                        .toList())));
      }
      return out.toString();
    }

    private static String describe(List<String> items) {
      return items.isEmpty() ? "" : String.join("; ", items);
    }
  }
}
