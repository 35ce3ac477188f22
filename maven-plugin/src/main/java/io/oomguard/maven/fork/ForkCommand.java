package io.oomguard.maven.fork;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line of the forked analysis JVM.
 *
 * <p>The analysis is one cold javac run per module, 3 to 15 seconds: too short for the optimizing
 * JIT compiler (C2) to pay back what it costs, on javac's code as on the checks'. With the client
 * compiler only ({@code -XX:TieredStopAtLevel=1}) javac with Error Prone and every oomguard check
 * takes 0.43 of the CPU time and 0.61 of the wall time it takes with default flags, over the eight
 * libraries of bench/run.sh (way plugin-analysis against javac+errorprone+oomguard,
 * bench/results/2026-11-23n.md).
 *
 * @param java the {@code java} executable (the Maven JDK's, or the toolchain's)
 * @param userJvmArgs extra JVM arguments from the {@code jvmArgs} parameter; they come last, so
 *     they win over the defaults
 * @param classpath the analyzer's classpath: this plugin and its resolved dependencies
 * @param job the file holding the {@link ForkJob}
 */
public record ForkCommand(Path java, List<String> userJvmArgs, List<Path> classpath, Path job) {
  /** The fork's main class. */
  public static final String MAIN_CLASS = ForkedAnalyzer.class.getName();

  /**
   * The analysis JVM's maximum heap unless the user's {@code jvmArgs} say otherwise. Without one
   * the JVM may take a quarter of the machine's memory: 1.3 GB resident on Guava, whose analysis
   * needs less than 256 MB (it completes at 128 MB, more slowly); 768 MB leaves room for modules
   * several times that size, and a module that needs more fails with a hint to raise it.
   */
  public static final String DEFAULT_MAX_HEAP = "-Xmx768m";

  /** JVM flags for one short javac run; see the class comment. */
  static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", DEFAULT_MAX_HEAP);

  public ForkCommand {
    userJvmArgs = List.copyOf(userJvmArgs);
    classpath = List.copyOf(classpath);
  }

  /**
   * Everything after the executable: JVM flags (the client compiler, javac's exports, then the
   * user's, which win), classpath, main class and the job file.
   */
  public List<String> arguments() {
    List<String> arguments = new ArrayList<>(JVM_FLAGS);
    arguments.addAll(JdkCompilerAccess.jvmFlags());
    arguments.addAll(userJvmArgs);
    arguments.add("-cp");
    arguments.add(
        classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    arguments.add(MAIN_CLASS);
    arguments.add(job.toString());
    return arguments;
  }

  /**
   * The {@link #arguments()} as a java launcher {@code @argfile}: one double-quoted argument per
   * line, so long classpaths fit on any OS and paths with spaces or backslashes survive.
   */
  public String argumentFile() {
    return argumentFile(arguments());
  }

  /**
   * {@code arguments} as a java launcher {@code @argfile}: one double-quoted argument per line, so
   * long classpaths fit on any OS and paths with spaces or backslashes survive.
   */
  static String argumentFile(List<String> arguments) {
    StringBuilder file = new StringBuilder();
    for (String argument : arguments) {
      file.append('"')
          .append(argument.replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"')
          .append(System.lineSeparator());
    }
    return file.toString();
  }
}
