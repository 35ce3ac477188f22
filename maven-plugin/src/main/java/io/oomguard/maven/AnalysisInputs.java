package io.oomguard.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything a module's analysis depends on, as one SHA-256 digest: when it equals the digest of
 * the module's last completed analysis, that analysis's results still hold and the {@code check}
 * goal reuses them instead of running the index and the analysis again (a second {@code mvn verify}
 * with nothing changed).
 *
 * <p>What goes in: the request (module, source roots, class path, javac settings, excludes, the
 * checks and their severities, hot-path annotations, the analysis JDK, its JVM arguments and its
 * own class path, which holds oomguard's jars); the content of every source file; and the size and
 * modification time of every class-path entry and of every file in a class-path directory (a
 * sibling module's {@code target/classes}), and of the oomguard jars. Anything not known to be the
 * same (a file that cannot be read) makes the digest differ, so the module is analyzed again: a
 * stale reuse would be a finding silently lost, an extra analysis only costs time.
 */
final class AnalysisInputs {
  /** Bump when what the digest covers changes. */
  private static final String VERSION = "oomguard analysis inputs 1";

  private AnalysisInputs() {}

  /** The digest of {@code request}'s inputs, in hexadecimal. */
  static String digest(AnalysisRequest request, List<Path> sources) throws IOException {
    MessageDigest digest = sha256();
    Lines lines = new Lines(digest);
    lines.add(VERSION);
    lines.add("module " + request.moduleDir().toAbsolutePath());
    lines.add("root " + request.rootDir().toAbsolutePath());
    lines.add("source roots " + request.sourceRoots());
    lines.add("compiler " + request.compiler());
    lines.add("excludes " + request.excludes());
    for (Map.Entry<String, Severity> check : request.checks().enabled().entrySet()) {
      lines.add("check " + check.getKey() + " " + check.getValue());
    }
    lines.add("hot-path annotations " + request.hotPathAnnotations());
    lines.add("jvm arguments " + request.jvmArgs());
    lines.add("work " + request.workDir().toAbsolutePath());
    stamp(lines, "java", request.java());
    for (Path entry : request.analyzerClasspath()) {
      stamp(lines, "analyzer", entry);
    }
    for (Path entry : request.classpath()) {
      stamp(lines, "classpath", entry);
    }
    byte[] buffer = new byte[1 << 16];
    for (Path source : sources) {
      MessageDigest content = sha256();
      try (InputStream in = Files.newInputStream(source)) {
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
          content.update(buffer, 0, n);
        }
      }
      lines.add("source " + source.toAbsolutePath() + " " + hex(content.digest()));
    }
    return hex(digest.digest());
  }

  /** Size and modification time of {@code path}, or of each file under it for a directory. */
  private static void stamp(Lines lines, String kind, Path path) throws IOException {
    if (Files.isDirectory(path)) {
      lines.add(kind + " directory " + path.toAbsolutePath());
      try (Stream<Path> files = Files.walk(path)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          lines.add(kind + " file " + path.relativize(file) + " " + attributes(file));
        }
      }
    } else if (Files.exists(path)) {
      lines.add(kind + " " + path.toAbsolutePath() + " " + attributes(path));
    } else {
      lines.add(kind + " missing " + path.toAbsolutePath());
    }
  }

  private static String attributes(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return attributes.size() + " " + attributes.lastModifiedTime().toMillis();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** Feeds lines to the digest, each terminated, so that no two lists of lines digest alike. */
  private record Lines(MessageDigest digest) {
    void add(String line) {
      digest.update(line.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
    }
  }
}
