package io.oomguard.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AnalysisInputs}: what makes a module's earlier results stale. */
final class AnalysisInputsTest {
  @TempDir Path dir;

  private Path source;
  private Path siblingClass;
  private Path jar;

  @BeforeEach
  void module() throws Exception {
    source = write("src/com/example/A.java", "class A {}");
    siblingClass = write("sibling/target/classes/com/example/B.class", "cafebabe");
    jar = write("lib/dependency.jar", "jar bytes");
  }

  @Test
  void sameInputs_sameDigest() throws Exception {
    assertThat(digest(request(Map.of()))).isEqualTo(digest(request(Map.of())));
  }

  @Test
  void aSourceEdited_changesTheDigest() throws Exception {
    String before = digest(request(Map.of()));
    FileTime time = Files.getLastModifiedTime(source);
    Files.writeString(source, "class A { int x; }");
    Files.setLastModifiedTime(source, time); // content counts, not the time

    assertThat(digest(request(Map.of()))).isNotEqualTo(before);
  }

  @Test
  void aClassOfASiblingModuleRebuilt_changesTheDigest() throws Exception {
    String before = digest(request(Map.of()));
    Files.setLastModifiedTime(
        siblingClass,
        FileTime.fromMillis(Files.getLastModifiedTime(siblingClass).toMillis() + 1000));

    assertThat(digest(request(Map.of()))).isNotEqualTo(before);
  }

  @Test
  void aClassAddedToASiblingModule_changesTheDigest() throws Exception {
    String before = digest(request(Map.of()));
    write("sibling/target/classes/com/example/C.class", "cafebabe");

    assertThat(digest(request(Map.of()))).isNotEqualTo(before);
  }

  @Test
  void aDependencyReplaced_changesTheDigest() throws Exception {
    String before = digest(request(Map.of()));
    Files.writeString(jar, "other jar bytes");

    assertThat(digest(request(Map.of()))).isNotEqualTo(before);
  }

  @Test
  void aSeverityChanged_changesTheDigest() throws Exception {
    String before = digest(request(Map.of()));

    assertThat(digest(request(Map.of("UnboundedCache", "ERROR")))).isNotEqualTo(before);
    assertThat(digest(request(Map.of("UnboundedCache", "OFF")))).isNotEqualTo(before);
  }

  private Path write(String relative, String content) throws Exception {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private String digest(AnalysisRequest request) throws Exception {
    return AnalysisInputs.digest(request, List.of(source));
  }

  private AnalysisRequest request(Map<String, String> checks) {
    return new AnalysisRequest(
        dir,
        dir,
        List.of(dir.resolve("src")),
        List.of(dir.resolve("sibling/target/classes"), jar),
        CompilerSettings.defaults(),
        List.of(),
        CheckSelection.resolve(Catalogue.load(), checks),
        List.of(),
        Path.of(System.getProperty("java.home"), "bin", "java"),
        List.of(),
        List.of(jar),
        dir.resolve("target/oomguard/work"));
  }
}
