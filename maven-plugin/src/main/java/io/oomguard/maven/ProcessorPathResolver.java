package io.oomguard.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Resolves a module's {@code annotationProcessorPaths} with their dependencies, as the compiler
 * plugin does. Error Prone and the oomguard checker are left out when a module already runs them in
 * compiler-plugin mode: the analysis brings its own.
 */
final class ProcessorPathResolver {
  /** Processor path entries the analysis supplies itself. */
  private static final Set<String> SUPPLIED =
      Set.of("com.google.errorprone:error_prone_core", "io.oomguard:oomguard-checker");

  private final RepositorySystem repositories;
  private final MavenSession session;
  private final MavenProject project;

  ProcessorPathResolver(RepositorySystem repositories, MavenSession session, MavenProject project) {
    this.repositories = repositories;
    this.session = session;
    this.project = project;
  }

  List<Path> resolve(List<CompilerPluginConfig.Coordinates> paths) throws MojoExecutionException {
    CollectRequest collect = new CollectRequest();
    collect.setRepositories(project.getRemoteProjectRepositories());
    for (CompilerPluginConfig.Coordinates path : paths) {
      if (path.groupId() == null || path.artifactId() == null) {
        throw new MojoExecutionException(
            "An <annotationProcessorPaths> entry of maven-compiler-plugin lacks its groupId or"
                + " artifactId; oomguard cannot mirror it.");
      }
      if (SUPPLIED.contains(path.key())) {
        continue;
      }
      List<Exclusion> exclusions = new ArrayList<>(path.exclusions().size());
      for (String exclusion : path.exclusions()) {
        String[] parts = exclusion.split(":", 2);
        exclusions.add(new Exclusion(parts[0], parts[1], "*", "*"));
      }
      boolean testJar = path.type().equals("test-jar");
      collect.addDependency(
          new Dependency(
              new DefaultArtifact(
                  path.groupId(),
                  path.artifactId(),
                  testJar ? "tests" : Objects.requireNonNullElse(path.classifier(), ""),
                  testJar ? "jar" : path.type(),
                  version(path)),
              "runtime",
              false,
              exclusions));
    }
    if (collect.getDependencies().isEmpty()) {
      return List.of();
    }
    try {
      List<Path> files = new ArrayList<>();
      for (ArtifactResult result :
          repositories
              .resolveDependencies(
                  session.getRepositorySession(), new DependencyRequest(collect, null))
              .getArtifactResults()) {
        files.add(result.getArtifact().getFile().toPath());
      }
      return files;
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException(
          "Cannot resolve the annotation processors of maven-compiler-plugin"
              + " (<annotationProcessorPaths>) for the oomguard analysis: "
              + e.getMessage(),
          e);
    }
  }

  /** The entry's version, else the one dependency management gives (compiler plugin 3.12+). */
  private String version(CompilerPluginConfig.Coordinates path) throws MojoExecutionException {
    if (path.version() != null) {
      return path.version();
    }
    DependencyManagement management = project.getDependencyManagement();
    if (management != null) {
      for (org.apache.maven.model.Dependency managed : management.getDependencies()) {
        if (managed.getGroupId().equals(path.groupId())
            && managed.getArtifactId().equals(path.artifactId())
            && managed.getVersion() != null) {
          return managed.getVersion();
        }
      }
    }
    throw new MojoExecutionException(
        "The annotation processor "
            + path.key()
            + " in <annotationProcessorPaths> has no version and none is managed in"
            + " <dependencyManagement>; give it a <version>.");
  }
}
