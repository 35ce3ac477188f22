package io.oomguard.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything one analysis of a module needs, gathered by a mojo from Maven and its parameters, so
 * that the classes doing the work never see Maven.
 *
 * @param moduleDir the module's base directory
 * @param rootDir the top-level project directory: report and baseline paths are relative to it
 * @param sourceRoots the source roots to analyze (main, generated, and test ones with {@code
 *     includeTests})
 * @param classpath the class path the sources compile against
 * @param compiler how the module's own compiler is set up (release, encoding, processors)
 * @param excludes globs of sources left out of the report
 * @param checks the checks that run and their severities
 * @param hotPathAnnotations extra entry-point annotations for the checks' hot-path model
 * @param java the {@code java} executable of the JDK that analyzes
 * @param jvmArgs extra arguments for the analysis JVM
 * @param analyzerClasspath the analysis JVM's own class path (the plugin and its dependencies)
 * @param workDir a scratch directory for the fork's job, results and throwaway output
 */
public record AnalysisRequest(
    Path moduleDir,
    Path rootDir,
    List<Path> sourceRoots,
    List<Path> classpath,
    CompilerSettings compiler,
    List<String> excludes,
    CheckSelection checks,
    List<String> hotPathAnnotations,
    Path java,
    List<String> jvmArgs,
    List<Path> analyzerClasspath,
    Path workDir) {

  public AnalysisRequest {
    Objects.requireNonNull(moduleDir, "moduleDir");
    Objects.requireNonNull(rootDir, "rootDir");
    sourceRoots = List.copyOf(sourceRoots);
    classpath = List.copyOf(classpath);
    Objects.requireNonNull(compiler, "compiler");
    excludes = List.copyOf(excludes);
    Objects.requireNonNull(checks, "checks");
    hotPathAnnotations = List.copyOf(hotPathAnnotations);
    Objects.requireNonNull(java, "java");
    jvmArgs = List.copyOf(jvmArgs);
    analyzerClasspath = List.copyOf(analyzerClasspath);
    Objects.requireNonNull(workDir, "workDir");
  }
}
