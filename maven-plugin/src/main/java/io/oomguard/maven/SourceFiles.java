package io.oomguard.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Java sources of a module: every {@code .java} file under its source roots, and which of them
 * the {@code excludes} globs take out of the report.
 *
 * <p>{@code module-info.java} is left out: the analysis compiles the module on the class path, the
 * way its dependencies are handed to it.
 */
public final class SourceFiles {
  private final Path moduleDir;
  private final List<Path> roots;
  private final List<PathMatcher> excludes;
  private final List<Path> files;
  private final Set<Path> fileSet;

  private SourceFiles(
      Path moduleDir, List<Path> roots, List<PathMatcher> excludes, List<Path> files) {
    this.moduleDir = moduleDir;
    this.roots = roots;
    this.excludes = excludes;
    this.files = List.copyOf(files);
    this.fileSet = Set.copyOf(files);
  }

  /**
   * Collects the sources under {@code roots} (missing roots are ignored).
   *
   * @param moduleDir the module's base directory, for globs written relative to it
   * @param excludeGlobs {@code glob:} patterns matched against each file's path relative to its
   *     source root ({@code com/example/legacy/**}) and relative to the module ({@code
   *     src/main/java/**}/generated/**}); {@code /} separates directories on every OS
   * @throws IllegalArgumentException for a malformed glob
   */
  public static SourceFiles collect(
      Path moduleDir, Collection<Path> roots, List<String> excludeGlobs) throws IOException {
    List<PathMatcher> excludes = new ArrayList<>();
    for (String glob : excludeGlobs) {
      if (glob == null || glob.isBlank()) {
        continue;
      }
      try {
        excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.trim()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Bad glob '" + glob + "' in <excludes>: " + e.getMessage(), e);
      }
    }
    Set<Path> files = new LinkedHashSet<>();
    List<Path> existingRoots = new ArrayList<>();
    for (Path root : roots) {
      Path normalized = root.toAbsolutePath().normalize();
      if (!Files.isDirectory(normalized) || existingRoots.contains(normalized)) {
        continue;
      }
      existingRoots.add(normalized);
      try (Stream<Path> walk = Files.walk(normalized)) {
        walk.filter(Files::isRegularFile)
            .filter(file -> file.getFileName().toString().endsWith(".java"))
            .filter(file -> !file.getFileName().toString().equals("module-info.java"))
            .sorted()
            .forEach(files::add);
      }
    }
    return new SourceFiles(
        moduleDir.toAbsolutePath().normalize(), existingRoots, excludes, new ArrayList<>(files));
  }

  /** Every source file, excluded or not: all of them are compiled, since others may need them. */
  public List<Path> all() {
    return files;
  }

  /** Whether {@code excludes} takes this file out of the report. */
  public boolean excluded(Path file) {
    Path normalized = file.toAbsolutePath().normalize();
    List<Path> candidates = new ArrayList<>();
    if (normalized.startsWith(moduleDir)) {
      candidates.add(moduleDir.relativize(normalized));
    }
    for (Path root : roots) {
      if (normalized.startsWith(root)) {
        candidates.add(root.relativize(normalized));
      }
    }
    for (Path candidate : candidates) {
      for (PathMatcher exclude : excludes) {
        if (exclude.matches(candidate)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the file is one of this module's sources (not, say, a processor's output). */
  public boolean contains(Path file) {
    return fileSet.contains(file.toAbsolutePath().normalize());
  }

  /**
   * The reported sources whose text contains one of {@code words}: the only ones where a finding
   * can be suppressed by {@code @SuppressWarnings("Name")} or a suppression annotation.
   */
  public List<Path> mentioning(Collection<String> words, Charset encoding) {
    List<Path> mentioning = new ArrayList<>();
    for (Path file : files) {
      if (excluded(file)) {
        continue;
      }
      String text = read(file, encoding);
      if (words.stream().anyMatch(text::contains)) {
        mentioning.add(file);
      }
    }
    return mentioning;
  }

  private static String read(Path file, Charset encoding) {
    CharsetDecoder decoder =
        encoding
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      return decoder.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
