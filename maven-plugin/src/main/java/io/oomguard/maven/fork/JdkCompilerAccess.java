package io.oomguard.maven.fork;

import java.util.List;

/**
 * The JVM flags that let Error Prone reach javac's internals on JDK 17 and newer: the list from
 * Error Prone's installation notes, the same as the repository's {@code .mvn/jvm.config}. The fork
 * carries them so that users never have to.
 */
public final class JdkCompilerAccess {
  private static final List<String> EXPORTED =
      List.of("api", "code", "file", "main", "model", "parser", "processing", "tree", "util");
  private static final List<String> OPENED = List.of("code", "comp");

  private JdkCompilerAccess() {}

  /** The {@code --add-exports} and {@code --add-opens} flags, one per list element. */
  public static List<String> jvmFlags() {
    return java.util.stream.Stream.concat(
            EXPORTED.stream()
                .map(p -> "--add-exports=jdk.compiler/com.sun.tools.javac." + p + "=ALL-UNNAMED"),
            OPENED.stream()
                .map(p -> "--add-opens=jdk.compiler/com.sun.tools.javac." + p + "=ALL-UNNAMED"))
        .toList();
  }
}
