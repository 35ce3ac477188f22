package io.oomguard.maven;

import io.oomguard.maven.baseline.Baseline;
import io.oomguard.maven.baseline.BaselineFile;
import io.oomguard.maven.baseline.BaselineFormatException;
import io.oomguard.maven.baseline.BaselineMatcher;
import io.oomguard.maven.report.ConsoleReport;
import io.oomguard.maven.report.SarifWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Analyzes the module with the oomguard checks, prints every finding, writes a SARIF report and
 * fails the build on findings that are neither suppressed in source nor in the baseline.
 *
 * @since 0.1.0
 */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresDependencyResolution = ResolutionScope.COMPILE)
public final class CheckMojo extends AbstractOomGuardMojo {
  /**
   * Fails the build when there are findings ({@code failOnSeverity}, {@code maxAllowedViolations}).
   * With {@code false} findings are only reported.
   *
   * @since 0.1.0
   */
  @Parameter(property = "oomguard.failOnViolation", defaultValue = "true")
  private boolean failOnViolation;

  /**
   * The lowest severity that fails the build: {@code WARNING} (any finding fails) or {@code ERROR}
   * (only findings of checks at severity {@code ERROR}).
   *
   * @since 0.1.0
   */
  @Parameter(property = "oomguard.failOnSeverity", defaultValue = "WARNING")
  private String failOnSeverity;

  /**
   * How many findings at or above {@code failOnSeverity} are tolerated before the build fails.
   *
   * @since 0.1.0
   */
  @Parameter(property = "oomguard.maxAllowedViolations", defaultValue = "0")
  private int maxAllowedViolations;

  /**
   * The baseline file written by the {@code baseline} goal. Findings listed in it are reported but
   * do not fail the build; entries that no longer match are reported as stale. This goal only reads
   * it. A missing file means no baseline.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "oomguard.baselineFile",
      defaultValue = "${project.basedir}/oomguard-baseline.xml")
  private File baselineFile;

  /**
   * Where the SARIF 2.1.0 report goes (for GitHub code scanning and other SARIF viewers).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "oomguard.sarifFile",
      defaultValue = "${project.build.directory}/oomguard/oomguard.sarif")
  private File sarifFile;

  @Inject
  CheckMojo(
      ToolchainManager toolchains,
      RepositorySystem repositories,
      ProjectDependenciesResolver dependencies) {
    super(toolchains, repositories, dependencies);
  }

  private Gate gate;

  @Override
  void validateParameters() throws MojoExecutionException {
    try {
      gate =
          new Gate(
              Severity.parse(failOnSeverity, "failOnSeverity (oomguard.failOnSeverity)"),
              maxAllowedViolations);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  @Override
  void forgetEarlierRun() throws MojoExecutionException {
    try {
      Files.deleteIfExists(sarifFile.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Cannot remove the SARIF report of an earlier run, " + sarifFile, e);
    }
  }

  @Override
  void analysisFailed(String reason, Catalogue catalogue, CheckSelection selection) {
    try {
      sarif(catalogue, selection).writeFailure(reason, sarifFile.toPath());
    } catch (IOException e) {
      getLog().warn("oomguard: cannot write the SARIF report " + sarifFile + ": " + e);
    }
  }

  @Override
  void handle(
      AnalysisResult result, Catalogue catalogue, CheckSelection selection, AnalysisRequest request)
      throws MojoExecutionException, MojoFailureException {
    Baseline baseline;
    try {
      baseline = readBaseline();
    } catch (MojoExecutionException e) {
      analysisFailed(e.getMessage(), catalogue, selection);
      throw e;
    }
    Assessment assessment = BaselineMatcher.assess(result.findings(), baseline);
    try {
      sarif(catalogue, selection).write(assessment, sarifFile.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the SARIF report " + sarifFile, e);
    }
    String reportPath = Analyzer.relativePath(request.rootDir(), sarifFile.toPath());
    for (ConsoleReport.Line line : ConsoleReport.render(assessment, reportPath)) {
      switch (line.level()) {
        case DEBUG -> getLog().debug(line.text());
        case INFO -> getLog().info(line.text());
        case WARN -> getLog().warn(line.text());
        case ERROR -> getLog().error(line.text());
      }
    }
    Optional<String> failure = gate.failure(assessment, reportPath);
    if (failure.isPresent()) {
      if (failOnViolation) {
        throw new MojoFailureException(failure.get());
      }
      getLog().warn(failure.get() + " Not failing the build: failOnViolation is false.");
    }
  }

  private SarifWriter sarif(Catalogue catalogue, CheckSelection selection) {
    return new SarifWriter(
        plugin.getVersion(),
        rootDir(),
        project.getArtifactId(),
        new ArrayList<>(catalogue.all()),
        selection == null ? Map.of() : selection.enabled());
  }

  private Baseline readBaseline() throws MojoExecutionException {
    if (baselineFile == null || !baselineFile.isFile()) {
      return null;
    }
    try {
      Baseline baseline = BaselineFile.read(baselineFile.toPath());
      getLog()
          .info(
              "oomguard: baseline "
                  + shown(baselineFile)
                  + " adopts "
                  + baseline.size()
                  + " findings");
      return baseline;
    } catch (BaselineFormatException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read the oomguard baseline " + baselineFile, e);
    }
  }
}
