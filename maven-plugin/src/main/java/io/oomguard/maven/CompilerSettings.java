package io.oomguard.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parts of a module's {@code maven-compiler-plugin} setup that the analysis must mirror for the
 * sources to compile the same way: language level, encoding, annotation processors and the few
 * compiler arguments that change what compiles.
 *
 * @param release {@code --release}, or {@code null}
 * @param source {@code -source}, or {@code null}
 * @param target {@code -target}, or {@code null}
 * @param encoding the source encoding, or {@code null} for UTF-8
 * @param processing where annotation processors come from
 * @param processorPath the resolved {@code annotationProcessorPaths} (for {@link
 *     Processing#PROCESSOR_PATH})
 * @param processors explicit processor class names ({@code annotationProcessors}), or empty
 * @param arguments compiler arguments passed through (see {@link #passThrough})
 */
public record CompilerSettings(
    String release,
    String source,
    String target,
    String encoding,
    Processing processing,
    List<Path> processorPath,
    List<String> processors,
    List<String> arguments) {

  /** Where annotation processors come from. */
  public enum Processing {
    /** {@code <proc>none</proc>}: no annotation processing. */
    NONE,
    /** No {@code annotationProcessorPaths}: processors are discovered on the class path. */
    CLASS_PATH,
    /** {@code annotationProcessorPaths}: processors come from that path only. */
    PROCESSOR_PATH
  }

  /** Options whose value is the next argument. */
  private static final Set<String> KEPT_WITH_VALUE =
      Set.of("--add-exports", "--add-reads", "--add-modules");

  public CompilerSettings {
    processorPath = List.copyOf(processorPath);
    processors = List.copyOf(processors);
    arguments = List.copyOf(arguments);
  }

  /** No processor, default language level, UTF-8: for tests and modules without configuration. */
  public static CompilerSettings defaults() {
    return new CompilerSettings(
        null, null, null, null, Processing.CLASS_PATH, List.of(), List.of(), List.of());
  }

  /**
   * The compiler arguments that must reach the analysis: processor options ({@code -A}), module
   * access ({@code --add-exports}, {@code --add-reads}, {@code --add-modules}), {@code
   * --enable-preview} and {@code -parameters}. Everything else ({@code -Werror}, lint settings,
   * another {@code -Xplugin}) is left out: it would change what the analysis reports, not what
   * compiles.
   */
  public static List<String> passThrough(List<String> compilerArgs) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < compilerArgs.size(); i++) {
      String argument = compilerArgs.get(i) == null ? "" : compilerArgs.get(i).trim();
      if (KEPT_WITH_VALUE.contains(argument) && i + 1 < compilerArgs.size()) {
        kept.add(argument);
        kept.add(compilerArgs.get(++i).trim());
      } else if (argument.startsWith("-A")
          || argument.equals("--enable-preview")
          || argument.equals("-parameters")
          || KEPT_WITH_VALUE.stream().anyMatch(option -> argument.startsWith(option + "="))) {
        kept.add(argument);
      }
    }
    return kept;
  }

  /**
   * The javac options for these settings, {@code -d} and {@code -s} not included.
   *
   * <p>javac loads {@code -Xplugin}s through the processor path, so Error Prone and the checks
   * ({@code analyzerPath}) always go first on it, followed by the module's processors: those of
   * {@code annotationProcessorPaths}, or the class path itself (javac's own default) without it.
   *
   * @param analyzerPath Error Prone, the oomguard checker and their dependencies
   * @param classpath the module's class path
   */
  public List<String> javacOptions(List<Path> analyzerPath, List<Path> classpath) {
    List<String> options = new ArrayList<>();
    options.add("-encoding");
    options.add(encoding == null || encoding.isBlank() ? "UTF-8" : encoding);
    if (release != null && !release.isBlank()) {
      options.add("--release");
      options.add(release);
    } else {
      if (source != null && !source.isBlank()) {
        options.add("-source");
        options.add(source);
      }
      if (target != null && !target.isBlank()) {
        options.add("-target");
        options.add(target);
      }
    }
    List<Path> processorPath = new ArrayList<>(analyzerPath);
    switch (processing) {
      case NONE -> options.add("-proc:none");
      case PROCESSOR_PATH -> processorPath.addAll(this.processorPath);
      case CLASS_PATH -> processorPath.addAll(classpath);
    }
    options.add("-processorpath");
    options.add(
        processorPath.stream()
            .map(Path::toString)
            .distinct()
            .collect(Collectors.joining(File.pathSeparator)));
    if (processing != Processing.NONE && !processors.isEmpty()) {
      options.add("-processor");
      options.add(String.join(",", processors));
    }
    options.addAll(arguments);
    return options;
  }
}
