package io.oomguard.maven.fork;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line of the JVM that builds the cross-class index ({@code ModuleIndex}) before the
 * analysis.
 *
 * <p>The index is JavaParser parsing the whole module once: short-lived work in which the
 * optimizing JIT compiler costs more CPU than it saves (it compiles the generated parser's large
 * methods and the run ends before that pays back). With the client compiler only ({@code
 * -XX:TieredStopAtLevel=1}) and the serial collector the index of Undertow core takes less than
 * half the CPU time it takes in a JVM with default flags, such as Maven's own.
 *
 * @param java the {@code java} executable, the same as the analysis JVM's
 * @param userJvmArgs extra JVM arguments from the {@code jvmArgs} parameter; they come last, so
 *     they win over the defaults
 * @param classpath this plugin and its resolved dependencies
 * @param sourceRoots the module's main source roots
 * @param encoding the sources' encoding, e.g. {@code UTF-8}
 * @param hotPathAnnotations extra entry-point annotations (the {@code hotPathAnnotations}
 *     parameter)
 * @param output the index file to write
 */
public record IndexCommand(
    Path java,
    List<String> userJvmArgs,
    List<Path> classpath,
    List<Path> sourceRoots,
    String encoding,
    List<String> hotPathAnnotations,
    Path output) {
  /** The index JVM's main class. */
  public static final String MAIN_CLASS = "io.oomguard.maven.index.ModuleIndex";

  /**
   * JVM flags for a short run that parses much code once; see the class comment. The index of
   * Guava's sources completes in 32 MB of heap; 256 MB leaves room for far larger modules.
   */
  static final List<String> JVM_FLAGS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

  public IndexCommand {
    userJvmArgs = List.copyOf(userJvmArgs);
    classpath = List.copyOf(classpath);
    sourceRoots = List.copyOf(sourceRoots);
    hotPathAnnotations = List.copyOf(hotPathAnnotations);
  }

  /** Everything after the executable: JVM flags, classpath, main class and its arguments. */
  public List<String> arguments() {
    List<String> arguments = new ArrayList<>(JVM_FLAGS);
    arguments.addAll(userJvmArgs);
    arguments.add("-cp");
    arguments.add(
        classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    arguments.add(MAIN_CLASS);
    arguments.add("--out");
    arguments.add(output.toString());
    arguments.add("--encoding");
    arguments.add(encoding);
    if (!hotPathAnnotations.isEmpty()) {
      arguments.add("--hot-path-annotations");
      arguments.add(String.join(",", hotPathAnnotations));
    }
    sourceRoots.forEach(root -> arguments.add(root.toString()));
    return arguments;
  }
}
