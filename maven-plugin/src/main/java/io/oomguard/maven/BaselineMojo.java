package io.oomguard.maven;

import io.oomguard.maven.baseline.Baseline;
import io.oomguard.maven.baseline.BaselineFile;
import java.io.File;
import java.io.IOException;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Records the module's current findings in the baseline file, so that an existing code base can
 * adopt oomguard: {@code check} then fails only on findings that are not in the baseline. Findings
 * suppressed in source are not recorded. Run it again to drop entries that have been fixed.
 *
 * @since 0.1.0
 */
@Mojo(name = "baseline", threadSafe = true, requiresDependencyResolution = ResolutionScope.COMPILE)
public final class BaselineMojo extends AbstractOomGuardMojo {
  /**
   * The baseline file to write (and that {@code check} reads); commit it.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "oomguard.baselineFile",
      defaultValue = "${project.basedir}/oomguard-baseline.xml")
  private File baselineFile;

  @Inject
  BaselineMojo(
      ToolchainManager toolchains,
      RepositorySystem repositories,
      ProjectDependenciesResolver dependencies) {
    super(toolchains, repositories, dependencies);
  }

  @Override
  void handle(
      AnalysisResult result, Catalogue catalogue, CheckSelection selection, AnalysisRequest request)
      throws MojoExecutionException {
    Baseline baseline = Baseline.of(result.findings());
    try {
      BaselineFile.write(baseline, baselineFile.toPath());
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot write the oomguard baseline " + baselineFile, e);
    }
    getLog()
        .info(
            "oomguard: recorded "
                + baseline.size()
                + (baseline.size() == 1 ? " finding" : " findings")
                + " in "
                + shown(baselineFile)
                + (result.findings().size() > baseline.size()
                    ? " (" + (result.findings().size() - baseline.size()) + " suppressed in source)"
                    : "")
                + ". Commit it; `mvn oomguard:check` now fails only on new findings.");
  }
}
