package io.oomguard.maven;

import static com.google.common.truth.Truth.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CompilerSettingsTest {
  private static final List<Path> ANALYZER =
      List.of(Paths.get("ep.jar"), Paths.get("oomguard.jar"));
  private static final List<Path> CLASSPATH =
      List.of(Paths.get("spring.jar"), Paths.get("lombok.jar"));

  @Test
  void passThrough_keepsWhatChangesCompilationAndDropsTheRest() {
    List<String> kept =
        CompilerSettings.passThrough(
            List.of(
                "-Xlint:all",
                "-Werror",
                "-Amapstruct.defaultComponentModel=spring",
                "--add-exports",
                "jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
                "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
                "-XDcompilePolicy=simple",
                "-Xplugin:ErrorProne -XepDisableAllChecks",
                "--enable-preview",
                "-parameters"));

    assertThat(kept)
        .containsExactly(
            "-Amapstruct.defaultComponentModel=spring",
            "--add-exports",
            "jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
            "--enable-preview",
            "-parameters")
        .inOrder();
  }

  @Test
  void releaseWins_overSourceAndTarget() {
    CompilerSettings settings =
        new CompilerSettings(
            "21",
            "17",
            "17",
            "ISO-8859-1",
            CompilerSettings.Processing.NONE,
            List.of(),
            List.of(),
            List.of());

    List<String> options = settings.javacOptions(ANALYZER, CLASSPATH);

    assertThat(options).containsAtLeast("-encoding", "ISO-8859-1", "--release", "21").inOrder();
    assertThat(options).doesNotContain("-source");
  }

  @Test
  void noProcessing_stillPutsErrorProneOnTheProcessorPath() {
    List<String> options =
        new CompilerSettings(
                null,
                "17",
                "17",
                null,
                CompilerSettings.Processing.NONE,
                List.of(),
                List.of("x.P"),
                List.of())
            .javacOptions(ANALYZER, CLASSPATH);

    assertThat(options).containsAtLeast("-source", "17", "-target", "17").inOrder();
    assertThat(options).contains("-proc:none");
    assertThat(valueOf(options, "-processorpath")).isEqualTo(join(ANALYZER));
    assertThat(options).doesNotContain("-processor");
  }

  @Test
  void processorsOnTheClassPath_searchedThereAfterErrorProne() {
    List<String> options = CompilerSettings.defaults().javacOptions(ANALYZER, CLASSPATH);

    assertThat(options).doesNotContain("-proc:none");
    assertThat(valueOf(options, "-processorpath"))
        .isEqualTo(
            join(List.of(ANALYZER.get(0), ANALYZER.get(1), CLASSPATH.get(0), CLASSPATH.get(1))));
    assertThat(valueOf(options, "-encoding")).isEqualTo("UTF-8");
  }

  @Test
  void annotationProcessorPaths_replaceTheClassPathForProcessors() {
    List<Path> lombok = List.of(Paths.get("repo/lombok-1.18.42.jar"));
    List<String> options =
        new CompilerSettings(
                null,
                null,
                null,
                null,
                CompilerSettings.Processing.PROCESSOR_PATH,
                lombok,
                List.of("lombok.launch.AnnotationProcessorHider$AnnotationProcessor"),
                List.of("-Alombok.addLombokGeneratedAnnotation=true"))
            .javacOptions(ANALYZER, CLASSPATH);

    assertThat(valueOf(options, "-processorpath"))
        .isEqualTo(join(List.of(ANALYZER.get(0), ANALYZER.get(1), lombok.get(0))));
    assertThat(valueOf(options, "-processor"))
        .isEqualTo("lombok.launch.AnnotationProcessorHider$AnnotationProcessor");
    assertThat(options).contains("-Alombok.addLombokGeneratedAnnotation=true");
  }

  private static String valueOf(List<String> options, String option) {
    return options.get(options.indexOf(option) + 1);
  }

  private static String join(List<Path> paths) {
    return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
  }
}
