package io.oomguard.maven;

import com.google.errorprone.ErrorProneFlags;
import io.oomguard.checker.config.OomGuardFlags;
import io.oomguard.maven.fork.ForkFailedException;
import io.oomguard.maven.fork.ForkResults;
import io.oomguard.maven.fork.ForkRunner;
import io.oomguard.maven.report.ForkOutput;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.RepositorySystem;

/**
 * What {@code check} and {@code baseline} share: the parameters that decide what is analyzed and
 * how, and the gathering of an {@link AnalysisRequest} from Maven. The analysis itself happens in
 * plain classes ({@link Analyzer}, {@code io.oomguard.maven.fork}).
 */
abstract class AbstractOomGuardMojo extends AbstractMojo {
  /**
   * Skips oomguard: nothing is analyzed, reported or written.
   *
   * @since 0.1.0
   */
  @Parameter(property = "oomguard.skip", defaultValue = "false")
  private boolean skip;

  /**
   * Also analyzes the test sources (against the test class path). Off by default: test code rarely
   * runs per request in production.
   *
   * @since 0.1.0
   */
  @Parameter(property = "oomguard.includeTests", defaultValue = "false")
  private boolean includeTests;

  /**
   * Globs of source files to leave out of the report, matched against each file's path relative to
   * its source root ({@code com/example/legacy/**}) and relative to the module ({@code
   * target/generated-sources/**}). Excluded files are still compiled, since other sources may need
   * them, but their findings are neither reported nor baselined. On the command line:
   * comma-separated.
   *
   * @since 0.1.0
   */
  @Parameter(property = "oomguard.excludes")
  private List<String> excludes;

  /**
   * Severity overrides per check: the check name as element name, {@code ERROR}, {@code WARNING} or
   * {@code OFF} as value, e.g. {@code <UnboundedExecutor>WARNING</UnboundedExecutor>}. On the
   * command line (user property {@code oomguard.checks}): {@code
   * -Doomguard.checks=UnboundedExecutor:WARNING,UnboundedCache:OFF}, which wins over the POM. An
   * unknown check name fails the build with the list of valid ones.
   *
   * @since 0.1.0
   */
  @Parameter private Map<String, String> checks;

  /**
   * Fully qualified names of your own annotations that mark per-request entry points, in addition
   * to the frameworks oomguard knows and {@code @io.oomguard.annotations.HotPath}. Passed to the
   * checks as {@code -XepOpt:OomGuard:HotPathAnnotations}. On the command line: comma-separated.
   *
   * @since 0.1.0
   */
  @Parameter(property = "oomguard.hotPathAnnotations")
  private List<String> hotPathAnnotations;

  /**
   * Extra arguments for the analysis JVM and the index JVM before it, separated by spaces, e.g.
   * {@code -Xmx2g} for a very large module. Both run on the JDK that runs Maven, or the {@code jdk}
   * toolchain when one is configured (maven-toolchains-plugin), with the client JIT compiler only
   * ({@code -XX:TieredStopAtLevel=1}); these come after that flag, so {@code
   * -XX:TieredStopAtLevel=4} restores the optimizing compiler.
   *
   * @since 0.1.0
   */
  @Parameter(property = "oomguard.jvmArgs")
  private String jvmArgs;

  /**
   * Analyzes the module even when nothing the analysis depends on changed since its last completed
   * analysis. Without it, such a module's findings are those of that analysis, kept in {@code
   * target/oomguard/work} (a second {@code mvn verify} with nothing changed analyzes nothing again;
   * {@code mvn clean} forgets them). What counts as a change: the content of any source file, the
   * size or time of any class-path entry (each file of a sibling module's classes included), the
   * compiler settings, the checks and their severities, the goal's parameters, the JDK, and
   * oomguard's own jars.
   *
   * @since 0.1.0
   */
  @Parameter(property = "oomguard.force", defaultValue = "false")
  private boolean force;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  protected PluginDescriptor plugin;

  private final ToolchainManager toolchains;
  private final RepositorySystem repositories;
  private final ProjectDependenciesResolver dependencies;

  /** The module's sources, once collected. */
  private SourceFiles sources;

  AbstractOomGuardMojo(
      ToolchainManager toolchains,
      RepositorySystem repositories,
      ProjectDependenciesResolver dependencies) {
    this.toolchains = toolchains;
    this.repositories = repositories;
    this.dependencies = dependencies;
  }

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("oomguard: skipped (oomguard.skip is true).");
      return;
    }
    if ("pom".equals(project.getPackaging())) {
      getLog().info("oomguard: skipped, packaging is pom.");
      return;
    }
    forgetEarlierRun();
    Catalogue catalogue = Catalogue.load();
    AnalysisResult result;
    CheckSelection selection = null;
    AnalysisRequest request = null;
    try {
      selection = selection(catalogue);
      request = request(selection);
      if (request == null) {
        return;
      }
      result = analyze(request, catalogue);
      failOnCompileErrors(result, request);
    } catch (MojoExecutionException | MojoFailureException e) {
      analysisFailed(e.getMessage(), catalogue, selection);
      throw e;
    }
    handle(result, catalogue, selection, request);
  }

  /**
   * The request for this module, or {@code null} (and a log line) when there is nothing to analyze.
   */
  private AnalysisRequest request(CheckSelection selection) throws MojoExecutionException {
    List<String> annotations = hotPathAnnotations();
    validateParameters();
    CompilerPluginConfig compilerConfig = compilerConfig();
    CompilerSettings compiler = compilerSettings(compilerConfig);
    List<Path> roots = sourceRoots(compiler);
    try {
      sources = SourceFiles.collect(project.getBasedir().toPath(), roots, list(excludes));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot list the sources of " + project.getId(), e);
    }
    if (sources.all().isEmpty()) {
      getLog().info("oomguard: skipped, no Java sources in " + roots + ".");
      return null;
    }
    return new AnalysisRequest(
        project.getBasedir().toPath(),
        rootDir(),
        roots,
        classpath(),
        compiler,
        list(excludes),
        selection,
        annotations,
        java(),
        jvmArgs == null || jvmArgs.isBlank() ? List.of() : List.of(jvmArgs.trim().split("\\s+")),
        analyzerClasspath(),
        Paths.get(project.getBuild().getDirectory(), "oomguard", "work"));
  }

  private AnalysisResult analyze(AnalysisRequest request, Catalogue catalogue)
      throws MojoExecutionException {
    getLog()
        .info(
            "oomguard: analyzing "
                + plural(sources.all().size(), "source file")
                + " with "
                + plural(request.checks().enabled().size(), "check"));
    AnalysisResult result;
    try {
      result =
          new Analyzer(catalogue, new ForkRunner(this::forkOutput))
              .analyze(request, sources, !force);
    } catch (ForkFailedException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("The oomguard analysis failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("The oomguard analysis was interrupted", e);
    }
    if (result.reused()) {
      getLog()
          .info(
              "oomguard: nothing the analysis depends on changed since the last one (sources,"
                  + " class path, settings, oomguard itself): its results are reused;"
                  + " -Doomguard.force=true analyzes again.");
    }
    for (ForkResults.Pass pass : result.passes()) {
      getLog().debug("oomguard: " + pass.name() + " pass took " + pass.millis() + " ms");
    }
    return result;
  }

  /**
   * Removes what an earlier run of the goal wrote (its report), so that a run that fails leaves
   * nothing a CI step could mistake for its result.
   */
  void forgetEarlierRun() throws MojoExecutionException {}

  /**
   * The analysis could not be done or did not complete: records that where the goal reports.
   *
   * @param selection the checks, or {@code null} when the failure was choosing them
   */
  void analysisFailed(String reason, Catalogue catalogue, CheckSelection selection) {}

  /** {@code count noun}, with an {@code s} when the count is not one. */
  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** Checks the goal's own parameters before anything is analyzed. */
  void validateParameters() throws MojoExecutionException {}

  /** What the goal does with the analysis. */
  abstract void handle(
      AnalysisResult result, Catalogue catalogue, CheckSelection selection, AnalysisRequest request)
      throws MojoExecutionException, MojoFailureException;

  private void failOnCompileErrors(AnalysisResult result, AnalysisRequest request)
      throws MojoFailureException {
    if (result.compileErrors().isEmpty()) {
      return;
    }
    boolean crash =
        result.compileErrors().stream()
            .anyMatch(
                error ->
                    error.message().contains("unhandled exception was thrown by the Error Prone"));
    StringBuilder message =
        new StringBuilder(
                crash ? "An oomguard check crashed while analyzing " : "oomguard cannot analyze ")
            .append(project.getArtifactId())
            .append(
                crash
                    ? "; please report it with the output below ("
                    : ": its sources do not compile (")
            .append(result.compileErrors().size())
            .append(result.compileErrors().size() == 1 ? " error):" : " errors):");
    result.compileErrors().stream()
        .limit(20)
        .forEach(
            error ->
                message
                    .append("\n  ")
                    .append(
                        error.file() == null
                            ? ""
                            : Analyzer.relativePath(request.rootDir(), error.file())
                                + ":["
                                + error.line()
                                + ","
                                + error.column()
                                + "] ")
                    .append(error.message().replace("\n", "\n    ")));
    if (result.compileErrors().size() > 20) {
      message.append("\n  ...");
    }
    message.append(
        "\nFix the compile errors (`mvn compile` shows them too). If the module compiles with"
            + " maven-compiler-plugin but not here, oomguard missed part of its compiler setup:"
            + " please report it.");
    throw new MojoFailureException(message.toString());
  }

  private CheckSelection selection(Catalogue catalogue) throws MojoExecutionException {
    try {
      return CheckSelection.resolve(
          catalogue,
          checks == null ? Map.of() : new LinkedHashMap<>(checks),
          CheckSelection.parseProperty(property("oomguard.checks")));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  private List<String> hotPathAnnotations() throws MojoExecutionException {
    List<String> names = new ArrayList<>();
    for (String entry : list(hotPathAnnotations)) {
      for (String name : entry.split(",")) {
        if (!name.isBlank()) {
          names.add(name.trim());
        }
      }
    }
    try {
      // The checker's own flag parser, so that the plugin and the checks agree on what is valid.
      OomGuardFlags.from(
          ErrorProneFlags.fromMap(
              Map.of(OomGuardFlags.HOT_PATH_ANNOTATIONS, String.join(",", names))));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(
          "Bad <hotPathAnnotations>: " + e.getMessage().replace("-XepOpt:", "(flag) "), e);
    }
    return names;
  }

  /** The main source roots, plus the test ones with {@code includeTests}. */
  private List<Path> sourceRoots(CompilerSettings compiler) {
    Set<Path> roots = new LinkedHashSet<>();
    project.getCompileSourceRoots().forEach(root -> roots.add(Paths.get(root)));
    if (includeTests) {
      project.getTestCompileSourceRoots().forEach(root -> roots.add(Paths.get(root)));
    }
    if (compiler.processing() != CompilerSettings.Processing.NONE) {
      // The processors run again in the analysis; their earlier output would clash with it.
      Path target = Paths.get(project.getBuild().getDirectory());
      roots.remove(target.resolve("generated-sources").resolve("annotations"));
      roots.remove(target.resolve("generated-test-sources").resolve("test-annotations"));
    }
    return new ArrayList<>(roots);
  }

  private List<Path> classpath() throws MojoExecutionException {
    Set<Path> outputs =
        Set.of(
            Paths.get(project.getBuild().getOutputDirectory()),
            Paths.get(project.getBuild().getTestOutputDirectory()));
    List<Path> classpath = new ArrayList<>();
    if (!includeTests) {
      try {
        project.getCompileClasspathElements().forEach(element -> classpath.add(Paths.get(element)));
      } catch (DependencyResolutionRequiredException e) {
        throw new MojoExecutionException("Cannot resolve the compile class path", e);
      }
    } else {
      // The goal only asks Maven for the compile scope; tests need the test scope on demand.
      try {
        for (org.eclipse.aether.graph.Dependency dependency :
            dependencies
                .resolve(
                    new DefaultDependencyResolutionRequest(project, session.getRepositorySession()))
                .getDependencies()) {
          if (dependency.getArtifact().getFile() != null) {
            classpath.add(dependency.getArtifact().getFile().toPath());
          }
        }
      } catch (DependencyResolutionException e) {
        throw new MojoExecutionException(
            "Cannot resolve the test class path for includeTests: " + e.getMessage(), e);
      }
    }
    classpath.removeIf(outputs::contains);
    return classpath;
  }

  private CompilerPluginConfig compilerConfig() {
    Plugin compiler = project.getPlugin(CompilerPluginConfig.PLUGIN_KEY);
    Xpp3Dom config = null;
    if (compiler != null) {
      config = (Xpp3Dom) compiler.getConfiguration();
      PluginExecution execution = compiler.getExecutionsAsMap().get("default-compile");
      if (execution != null && execution.getConfiguration() != null) {
        config = Xpp3Dom.mergeXpp3Dom(new Xpp3Dom((Xpp3Dom) execution.getConfiguration()), config);
      }
    }
    return CompilerPluginConfig.parse(config, this::property);
  }

  private CompilerSettings compilerSettings(CompilerPluginConfig config)
      throws MojoExecutionException {
    CompilerSettings.Processing processing;
    List<Path> processorPath = List.of();
    if ("none".equals(config.proc())) {
      processing = CompilerSettings.Processing.NONE;
    } else if (!config.processorPaths().isEmpty()) {
      processing = CompilerSettings.Processing.PROCESSOR_PATH;
      processorPath =
          new ProcessorPathResolver(repositories, session, project)
              .resolve(config.processorPaths());
    } else {
      processing = CompilerSettings.Processing.CLASS_PATH;
    }
    List<String> arguments = new ArrayList<>(CompilerSettings.passThrough(config.compilerArgs()));
    if (config.enablePreview() && !arguments.contains("--enable-preview")) {
      arguments.add("--enable-preview");
    }
    return new CompilerSettings(
        config.release(),
        config.source(),
        config.target(),
        config.encoding(),
        processing,
        processorPath,
        config.processors(),
        arguments);
  }

  /**
   * The top-level project directory, which report and baseline paths are relative to: the directory
   * Maven runs in (its top-level POM's), also when {@code -pl} leaves that project out of the
   * build.
   */
  Path rootDir() {
    if (session.getExecutionRootDirectory() != null) {
      return Paths.get(session.getExecutionRootDirectory()).toAbsolutePath();
    }
    MavenProject top = session.getTopLevelProject();
    return (top != null ? top.getBasedir() : project.getBasedir()).toPath().toAbsolutePath();
  }

  /** The {@code java} of the {@code jdk} toolchain, else of the JDK running Maven. */
  private Path java() {
    Toolchain toolchain = toolchains.getToolchainFromBuildContext("jdk", session);
    if (toolchain != null) {
      String tool = toolchain.findTool("java");
      if (tool != null) {
        getLog().info("oomguard: analyzing with the JDK toolchain " + toolchain);
        return Paths.get(tool);
      }
    }
    String executable =
        System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java";
    return Paths.get(System.getProperty("java.home"), "bin", executable);
  }

  /** This plugin's jar and its runtime dependencies: Error Prone and the oomguard checker. */
  private List<Path> analyzerClasspath() {
    Set<Path> classpath = new LinkedHashSet<>();
    classpath.add(plugin.getPluginArtifact().getFile().toPath());
    for (Artifact artifact : plugin.getArtifacts()) {
      if (artifact.getFile() != null) {
        classpath.add(artifact.getFile().toPath());
      }
    }
    return new ArrayList<>(classpath);
  }

  /** A line the index or analysis JVM printed, at the level {@link ForkOutput} gives it. */
  private void forkOutput(String line) {
    switch (ForkOutput.levelOf(line)) {
      case WARN -> getLog().warn(line);
      case INFO -> getLog().info(line);
      case ERROR -> getLog().error(line);
      case DEBUG -> getLog().debug("[fork] " + line);
    }
  }

  /** A user property, else a project property, else null. */
  protected String property(String name) {
    String value = session.getUserProperties().getProperty(name);
    if (value == null) {
      value = project.getProperties().getProperty(name);
    }
    return value;
  }

  /** A module-relative path for log lines. */
  protected String shown(File file) {
    Path base = project.getBasedir().toPath().toAbsolutePath();
    Path path = file.toPath().toAbsolutePath();
    return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
  }

  private static List<String> list(List<String> values) {
    List<String> list = new ArrayList<>();
    if (values != null) {
      values.stream().filter(Objects::nonNull).forEach(list::add);
    }
    return list;
  }
}
