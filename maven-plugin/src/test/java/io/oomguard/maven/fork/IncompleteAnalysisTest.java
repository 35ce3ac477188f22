package io.oomguard.maven.fork;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.oomguard.maven.AnalyzerTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis JVM never reads silence as "no findings": when the checks or Error Prone cannot
 * start, the fork exits with {@link ForkFailedException#ANALYSIS_INCOMPLETE} and says why.
 */
final class IncompleteAnalysisTest {
  @TempDir Path work;

  @Test
  void checkThatCannotStart_failsWithTheReason() throws Exception {
    ForkFailedException e =
        assertThrows(
            ForkFailedException.class,
            () -> run(List.of("-XepOpt:OomGuard:HotMethodsFile=" + work.resolve("missing.tsv"))));

    assertThat(e.exitCode()).isEqualTo(ForkFailedException.ANALYSIS_INCOMPLETE);
    assertThat(e.getMessage()).startsWith("oomguard: the analysis did not complete.");
    assertThat(e.getMessage()).contains("oomguard configuration error");
    assertThat(e.getMessage()).contains("missing.tsv' is not a file");
  }

  @Test
  void errorProneThatCannotStart_failsWithTheReason() throws Exception {
    ForkFailedException e =
        assertThrows(ForkFailedException.class, () -> run(List.of("-Xep:NoSuchCheck:WARN")));

    assertThat(e.exitCode()).isEqualTo(ForkFailedException.ANALYSIS_INCOMPLETE);
    assertThat(e.getMessage()).contains("NoSuchCheck is not a valid checker name");
  }

  @Test
  void healthyRun_writesResults() throws Exception {
    ForkResults results = run(List.of());

    assertThat(results.errors()).isEmpty();
    assertThat(results.findings()).isEmpty();
  }

  private ForkResults run(List<String> extraFlags) throws Exception {
    Path source = work.resolve("dir with space/A.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        "class A { Object f() { return new StringBuilder().append(1); } }",
        StandardCharsets.UTF_8);
    List<Path> analyzer = AnalyzerTest.analyzerClasspath();
    List<String> flags = new ArrayList<>(List.of("-XepDisableAllChecks"));
    flags.add("-Xep:UnsizedBufferInHotPath:WARN");
    flags.addAll(extraFlags);
    ForkJob job =
        new ForkJob(
            List.of(
                "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW",
                "--should-stop=ifNoError=FLOW",
                "-d",
                work.toString(),
                "-processorpath",
                String.join(
                    java.io.File.pathSeparator, analyzer.stream().map(Path::toString).toList())),
            flags,
            List.of("UnsizedBufferInHotPath"),
            List.of(source),
            List.of(),
            work.resolve("results.tsv"));
    ForkCommand command =
        new ForkCommand(
            Paths.get(System.getProperty("java.home"), "bin", "java"),
            List.of(),
            analyzer,
            work.resolve("job.txt"));
    return new ForkRunner(line -> {}).run(command, job);
  }
}
