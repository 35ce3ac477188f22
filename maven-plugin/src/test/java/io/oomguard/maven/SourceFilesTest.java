package io.oomguard.maven;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SourceFilesTest {
  @TempDir Path module;

  @Test
  void collect_everyJavaFileUnderExistingRoots_moduleInfoLeftOut() throws Exception {
    Path main = write("src/main/java/com/example/Orders.java", "class Orders {}");
    write("src/main/java/module-info.java", "module shop {}");
    write("src/main/java/com/example/notes.txt", "not java");
    Path generated = write("target/generated-sources/x/Gen.java", "class Gen {}");

    SourceFiles sources =
        SourceFiles.collect(
            module,
            List.of(
                module.resolve("src/main/java"),
                module.resolve("target/generated-sources/x"),
                module.resolve("src/missing/java")),
            List.of());

    assertThat(sources.all()).containsExactly(main, generated).inOrder();
    assertThat(sources.contains(module.resolve("src/main/java/com/example/../example/Orders.java")))
        .isTrue();
  }

  @Test
  void excludes_matchPathsRelativeToTheRootOrTheModule() throws Exception {
    Path legacy = write("src/main/java/com/example/legacy/Old.java", "class Old {}");
    Path generated = write("target/generated-sources/x/Gen.java", "class Gen {}");
    Path kept = write("src/main/java/com/example/New.java", "class New {}");

    SourceFiles sources =
        SourceFiles.collect(
            module,
            List.of(module.resolve("src/main/java"), module.resolve("target/generated-sources/x")),
            List.of("com/example/legacy/**", "target/generated-sources/**"));

    assertThat(sources.all()).hasSize(3); // excluded files are still compiled
    assertThat(sources.excluded(legacy)).isTrue();
    assertThat(sources.excluded(generated)).isTrue();
    assertThat(sources.excluded(kept)).isFalse();
  }

  @Test
  void mentioning_findsFilesThatCouldHoldSuppressions() throws Exception {
    Path suppressing = write("src/A.java", "@SuppressWarnings(\"GrowsForever\") class A {}");
    Path oomSafe = write("src/B.java", "@OomSafe(\"small\") class B {}");
    write("src/C.java", "@SuppressWarnings(\"unchecked\") class C {}");

    SourceFiles sources = SourceFiles.collect(module, List.of(module.resolve("src")), List.of());

    assertThat(sources.mentioning(List.of("GrowsForever", "OomSafe"), StandardCharsets.UTF_8))
        .containsExactly(suppressing, oomSafe);
  }

  @Test
  void malformedGlob_namesTheGlob() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SourceFiles.collect(module, List.of(), List.of("src/[unclosed")));

    assertThat(e).hasMessageThat().contains("Bad glob 'src/[unclosed' in <excludes>");
  }

  private Path write(String path, String content) throws Exception {
    Path file = module.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file.toAbsolutePath().normalize();
  }
}
