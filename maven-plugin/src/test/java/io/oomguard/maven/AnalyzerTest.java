package io.oomguard.maven;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.oomguard.annotations.OomSafe;
import io.oomguard.maven.fork.ForkFailedException;
import io.oomguard.maven.fork.ForkJob;
import io.oomguard.maven.fork.ForkRunner;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real analysis JVM (javac + Error Prone + the oomguard checks) over the small projects in
 * {@code src/test/resources/analyzer}.
 */
public final class AnalyzerTest {
  private static final Path PROJECTS = Paths.get("src/test/resources/analyzer");

  @TempDir Path work;

  /** The default analysis of the findings project, run once for the tests that only read it. */
  private static AnalysisResult findings;

  private static Path findingsWork;

  @BeforeAll
  static void analyzeFindingsProject(@TempDir Path sharedWork) throws Exception {
    AnalyzerTest test = new AnalyzerTest();
    test.work = sharedWork;
    findings = test.analyze("findings", Map.of(), List.of());
    findingsWork = sharedWork;
  }

  @Test
  void job_enablesOnlyTheSelectedChecksAndStopsAfterFlow() throws Exception {
    AnalysisRequest request =
        new AnalysisRequest(
            PROJECTS.resolve("findings"),
            PROJECTS,
            List.of(PROJECTS.resolve("findings")),
            List.of(Paths.get("lib.jar")),
            CompilerSettings.defaults(),
            List.of(),
            CheckSelection.resolve(Catalogue.load(), Map.of("OomSafeWithoutReason", "WARNING")),
            List.of("com.example.Handler", "com.example.Job"),
            Paths.get("java"),
            List.of(),
            List.of(Paths.get("plugin.jar")),
            work);

    ForkJob job = Analyzer.job(request, sources(request), Catalogue.load());

    assertThat(job.javacOptions())
        .containsAtLeast(
            "-XDcompilePolicy=simple",
            "--should-stop=ifError=FLOW",
            "--should-stop=ifNoError=FLOW",
            "-d",
            work.toAbsolutePath().resolve("classes").toString());
    assertThat(job.javacOptions()).containsAtLeast("-classpath", "lib.jar").inOrder();
    assertThat(job.errorProneFlags().get(0)).isEqualTo("-XepDisableAllChecks");
    assertThat(job.errorProneFlags())
        .containsAtLeast(
            "-Xep:OomSafeWithoutReason:WARN",
            "-XepOpt:OomGuard:HotPathAnnotations=com.example.Handler,com.example.Job");
    assertThat(job.checks()).contains("OomSafeWithoutReason");
    assertThat(job.suppressionCandidates()).hasSize(1); // Regions.java mentions the check
  }

  @Test
  void blankOomSafeReasons_reportedWithPositionsAndEnclosingDeclarations() {
    AnalysisResult result = findings;

    assertThat(result.compileErrors()).isEmpty();
    List<Finding> reported = result.unsuppressed();
    assertThat(reported).hasSize(2);

    Finding codes = reported.get(0);
    assertThat(codes.check()).isEqualTo("OomSafeWithoutReason");
    assertThat(codes.severity()).isEqualTo(Severity.ERROR);
    assertThat(codes.path()).isEqualTo("findings/com/example/Regions.java");
    assertThat(codes.line()).isEqualTo(11);
    assertThat(codes.column()).isEqualTo(3);
    assertThat(codes.endLine()).isEqualTo(11);
    assertThat(codes.endColumn()).isEqualTo(15); // exclusive, as in SARIF
    assertThat(codes.enclosingClass()).isEqualTo("Regions");
    assertThat(codes.enclosingMember()).isEqualTo("codes()");
    assertThat(codes.lineText()).isEqualTo("  @OomSafe(\"\")");
    assertThat(codes.message()).contains("blank reason");
    assertThat(codes.message()).doesNotContain("(see ");
    assertThat(codes.link()).endsWith("/docs/checks/OomSafeWithoutReason.md");

    Finding load = reported.get(1);
    assertThat(load.line()).isEqualTo(18);
    assertThat(load.column()).isEqualTo(2); // a tab counts as one column, as in SARIF
    assertThat(load.enclosingClass()).isEqualTo("Regions.Loader");
    assertThat(load.enclosingMember()).isEqualTo("load(String,int)");
  }

  @Test
  void findingUnderSuppressWarnings_reportedAsSuppressedWithItsAnnotation() {
    AnalysisResult result = findings;

    List<Finding> suppressed = result.findings().stream().filter(Finding::suppressed).toList();
    assertThat(suppressed).hasSize(1);
    assertThat(suppressed.get(0).line()).isEqualTo(26);
    assertThat(suppressed.get(0).enclosingMember()).isEqualTo("legacy()");
    assertThat(suppressed.get(0).suppression().annotation())
        .isEqualTo("@SuppressWarnings(\"OomSafeWithoutReason\")");
    assertThat(result.passes()).hasSize(2);
  }

  @Test
  void projectUnderAPathWithSpacesAndNonAsciiNames_findsWhatItFindsElsewhere() throws Exception {
    // Error Prone splits -Xplugin:ErrorProne's argument on white space: a flag holding a path with
    // a space once lost its tail, every check failed to start and the run read as "0 findings".
    Path project = work.resolve("dir with spaces/my proj über 日本");
    copyTree(PROJECTS.resolve("findings"), project);
    AnalysisRequest elsewhere = request("findings", Map.of(), List.of(), List.of());
    AnalysisRequest request =
        new AnalysisRequest(
            project,
            project.getParent(),
            List.of(project),
            elsewhere.classpath(),
            CompilerSettings.defaults(),
            List.of(),
            elsewhere.checks(),
            List.of("com.example.Handler"),
            elsewhere.java(),
            List.of(),
            elsewhere.analyzerClasspath(),
            project.resolve("target/oomguard/work"));

    AnalysisResult result =
        new Analyzer(Catalogue.load(), new ForkRunner(line -> {}))
            .analyze(request, sources(request));

    assertThat(result.compileErrors()).isEmpty();
    assertThat(result.unsuppressed().stream().map(Finding::line).toList())
        .isEqualTo(findings.unsuppressed().stream().map(Finding::line).toList());
    assertThat(result.unsuppressed().get(0).path())
        .isEqualTo("my proj über 日本/com/example/Regions.java");
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (var files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  @Test
  void severityOverride_appliesToFindings() throws Exception {
    AnalysisResult result =
        analyze("findings", Map.of("OomSafeWithoutReason", "WARNING"), List.of());

    assertThat(result.unsuppressed()).isNotEmpty();
    assertThat(result.unsuppressed().stream().map(Finding::severity).distinct().toList())
        .containsExactly(Severity.WARNING);
  }

  @Test
  void checkTurnedOff_reportsNothing() throws Exception {
    AnalysisResult result = analyze("findings", Map.of("OomSafeWithoutReason", "OFF"), List.of());

    assertThat(result.findings()).isEmpty();
  }

  @Test
  void everyCheckTurnedOff_skipsTheSuppressionPass() throws Exception {
    Map<String, String> allOff = new java.util.HashMap<>();
    Catalogue.load().names().forEach(name -> allOff.put(name, "OFF"));

    AnalysisResult result = analyze("findings", allOff, List.of());

    assertThat(result.findings()).isEmpty();
    assertThat(result.passes()).hasSize(1);
  }

  @Test
  void excludedFile_compiledButNotReported() throws Exception {
    AnalysisResult result = analyze("findings", Map.of(), List.of("**/Regions.java"));

    assertThat(result.compileErrors()).isEmpty();
    assertThat(result.findings()).isEmpty();
    assertThat(result.sourceFiles()).isEqualTo(1);
  }

  @Test
  void sourcesThatDoNotCompile_reportedAsCompileErrors() throws Exception {
    AnalysisResult result = analyze("broken", Map.of(), List.of());

    assertThat(result.compileErrors()).hasSize(1);
    assertThat(result.compileErrors().get(0).line()).isEqualTo(6);
    assertThat(result.compileErrors().get(0).message()).contains("undefinedField");
    assertThat(Files.exists(work.resolve("classes/com/example/Broken.class"))).isFalse();
  }

  @Test
  void noClassFilesAreWritten() throws Exception {
    try (var files = Files.walk(findingsWork)) {
      assertThat(files.filter(f -> f.toString().endsWith(".class")).toList()).isEmpty();
    }
  }

  @Test
  void forkThatCannotStart_failsWithExitCodeAndOutput() throws Exception {
    AnalysisRequest request =
        request("findings", Map.of(), List.of(), List.of("-XX:+ThisFlagDoesNotExist"));

    ForkFailedException e =
        assertThrows(
            ForkFailedException.class,
            () ->
                new Analyzer(Catalogue.load(), new ForkRunner(line -> {}))
                    .analyze(request, sources(request)));

    assertThat(e.exitCode()).isNotEqualTo(0);
    assertThat(e.getMessage()).contains("ThisFlagDoesNotExist");
  }

  @Test
  void nothingChanged_reusesTheLastResults_aChangedSourceIsAnalyzedAgain() throws Exception {
    Path module = work.resolve("copy/findings");
    copyTree(PROJECTS.resolve("findings"), module);
    AnalysisRequest request = requestAt(module, Map.of(), List.of(), List.of());
    Analyzer analyzer = new Analyzer(Catalogue.load(), new ForkRunner(line -> {}));

    AnalysisResult first = analyzer.analyze(request, sources(request), true);
    AnalysisResult second = analyzer.analyze(request, sources(request), true);
    AnalysisResult forced = analyzer.analyze(request, sources(request), false);

    assertThat(first.reused()).isFalse();
    assertThat(first.unsuppressed()).hasSize(2);
    assertThat(second.reused()).isTrue();
    assertThat(second.findings()).isEqualTo(first.findings());
    assertThat(forced.reused()).isFalse();
    assertThat(forced.findings()).isEqualTo(first.findings());

    Path regions = module.resolve("com/example/Regions.java");
    String source = Files.readString(regions);
    assertThat(source).contains("@OomSafe(\"\")");
    Files.writeString(regions, source.replaceFirst("@OomSafe\\(\"\"\\)", "@OomSafe(\"12 codes\")"));
    AnalysisResult edited = analyzer.analyze(request, sources(request), true);

    assertThat(edited.reused()).isFalse();
    assertThat(edited.unsuppressed()).hasSize(1);
  }

  @Test
  void aFailedAnalysis_leavesNothingToReuse() throws Exception {
    Path module = work.resolve("copy/findings");
    copyTree(PROJECTS.resolve("findings"), module);
    AnalysisRequest request = requestAt(module, Map.of(), List.of(), List.of());
    AnalysisRequest failing =
        requestAt(module, Map.of(), List.of(), List.of("-XX:+ThisFlagDoesNotExist"));
    Analyzer analyzer = new Analyzer(Catalogue.load(), new ForkRunner(line -> {}));

    analyzer.analyze(request, sources(request), true);
    assertThrows(
        ForkFailedException.class, () -> analyzer.analyze(failing, sources(failing), true));
    AnalysisResult after = analyzer.analyze(request, sources(request), true);

    assertThat(after.reused()).isFalse();
    assertThat(after.unsuppressed()).hasSize(2);
  }

  private AnalysisResult analyze(String project, Map<String, String> checks, List<String> excludes)
      throws Exception {
    AnalysisRequest request = request(project, checks, excludes, List.of());
    return new Analyzer(Catalogue.load(), new ForkRunner(line -> {}))
        .analyze(request, sources(request));
  }

  private static SourceFiles sources(AnalysisRequest request) throws Exception {
    return SourceFiles.collect(request.moduleDir(), request.sourceRoots(), request.excludes());
  }

  /**
   * The plugin's runtime class path as the tests see it (Surefire's real class path, not its
   * manifest-only jar), without Maven's own jars, which the plugin does not ship.
   */
  public static List<Path> analyzerClasspath() {
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !entry.contains("sisu") && !entry.contains("org/apache/maven"))
        .map(Paths::get)
        .toList();
  }

  private AnalysisRequest request(
      String project, Map<String, String> checks, List<String> excludes, List<String> jvmArgs)
      throws URISyntaxException {
    return requestAt(PROJECTS.resolve(project), checks, excludes, jvmArgs);
  }

  private AnalysisRequest requestAt(
      Path module, Map<String, String> checks, List<String> excludes, List<String> jvmArgs)
      throws URISyntaxException {
    Path annotations =
        Paths.get(OomSafe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return new AnalysisRequest(
        module,
        module.getParent(),
        List.of(module),
        List.of(annotations),
        CompilerSettings.defaults(),
        excludes,
        CheckSelection.resolve(Catalogue.load(), checks),
        List.of(),
        Paths.get(System.getProperty("java.home"), "bin", "java"),
        jvmArgs,
        analyzerClasspath(),
        work);
  }
}
