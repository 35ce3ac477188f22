package io.oomguard.maven.fork;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files the plugin and the fork exchange: job in, results out. */
final class ForkProtocolTest {
  @TempDir Path dir;

  @Test
  void job_roundTripsOptionsWithSpacesAndEmptyValues() throws Exception {
    ForkJob job =
        new ForkJob(
            List.of("-sourcepath", "", "-classpath", "/repo/my libs/a.jar"),
            List.of("-XepDisableAllChecks", "-Xep:GrowsForever:WARN"),
            List.of("GrowsForever"),
            List.of(Paths.get("/src/A.java"), Paths.get("/src/dir with space/B.java")),
            List.of(Paths.get("/src/A.java")),
            Paths.get("/work/results.tsv"));

    job.write(dir.resolve("job.txt"));

    assertThat(ForkJob.read(dir.resolve("job.txt"))).isEqualTo(job);
  }

  @Test
  void job_refusesLineBreaks() {
    ForkJob job =
        new ForkJob(
            List.of("-Afoo=a\nb"), List.of(), List.of(), List.of(), List.of(), Paths.get("r"));

    assertThrows(IllegalArgumentException.class, () -> job.write(dir.resolve("job.txt")));
  }

  @Test
  void results_roundTripMessagesWithTabsNewlinesAndBackslashes() throws Exception {
    ForkResults results =
        new ForkResults(
            List.of(
                new ForkResults.Found(
                    "GrowsForever",
                    Paths.get("/src/A.java"),
                    3,
                    5,
                    4,
                    2,
                    "grows\tforever\nDid you mean 'new HashMap<>(n)'? C:\\temp\\",
                    "A.Inner",
                    "find(String)",
                    "\t\tmap.put(k, v); // \\n",
                    "@OomSafe",
                    "small",
                    new FixSuggestion(
                        List.of(
                            new FixSuggestion.Edit(3, 5, 3, 20, "new HashMap<>(n)"),
                            new FixSuggestion.Edit(
                                9, 1, 9, 1, "\tprivate static final int N = 1;\n")),
                        List.of("line 3:", "- a", "+ b\tc"))),
                new ForkResults.Found(
                    "BigBuffer",
                    Paths.get("/src/B.java"),
                    1,
                    1,
                    1,
                    2,
                    "no fix",
                    "",
                    "",
                    "",
                    "",
                    "",
                    null)),
            List.of(
                new ForkResults.CompileError(Paths.get("/src/B.java"), 7, 9, "cannot find symbol"),
                new ForkResults.CompileError(null, 0, 0, "error: invalid flag")),
            List.of(new ForkResults.Pass("analysis", 1234, 2)));

    results.write(dir.resolve("results.tsv"));

    assertThat(ForkResults.read(dir.resolve("results.tsv"))).isEqualTo(results);
  }

  @Test
  void results_rejectAForeignFile() throws Exception {
    Files.writeString(dir.resolve("other.tsv"), "hello\n");

    assertThrows(java.io.IOException.class, () -> ForkResults.read(dir.resolve("other.tsv")));
  }

  @Test
  void command_carriesTheClientCompilerAndTheCompilerExportsThenUserArgsThenClasspathMainAndJob() {
    ForkCommand command =
        new ForkCommand(
            Paths.get("/jdk/bin/java"),
            List.of("-Xmx2g"),
            List.of(Paths.get("/m2/plugin.jar"), Paths.get("/m2/error_prone_core.jar")),
            Paths.get("/work/job.txt"));

    List<String> arguments = command.arguments();

    assertThat(arguments)
        .containsAtLeast(
            "-XX:TieredStopAtLevel=1",
            "-Xmx768m", // a default heap, before the user's -Xmx, which wins
            "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
            "--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED",
            "-Xmx2g",
            "-cp",
            "/m2/plugin.jar" + java.io.File.pathSeparator + "/m2/error_prone_core.jar",
            ForkCommand.MAIN_CLASS,
            "/work/job.txt")
        .inOrder();
    assertThat(JdkCompilerAccess.jvmFlags()).hasSize(11);
  }

  @Test
  void argumentFile_quotesEveryArgumentAndEscapesBackslashesAndQuotes() {
    ForkCommand command =
        new ForkCommand(
            Paths.get("java"),
            List.of("-Dx=\"quoted\""),
            List.of(Paths.get("C:\\Program Files\\a.jar")),
            Paths.get("job.txt"));

    String file = command.argumentFile();

    assertThat(file).contains("\"-Dx=\\\"quoted\\\"\"");
    assertThat(file).contains("\"C:\\\\Program Files\\\\a.jar\"");
  }

  @Test
  void indexCommand_clientCompilerAndSerialGcThenUserArgsThenClasspathMainAndOptions() {
    IndexCommand command =
        new IndexCommand(
            Paths.get("/jdk/bin/java"),
            List.of("-Xmx2g"),
            List.of(Paths.get("a.jar"), Paths.get("b.jar")),
            List.of(Paths.get("src/main/java"), Paths.get("target/generated-sources")),
            "ISO-8859-1",
            List.of("com.acme.Handler"),
            Paths.get("work/hot-methods.tsv"));

    assertThat(command.arguments())
        .containsExactly(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx256m",
            "-Xmx2g",
            "-cp",
            "a.jar" + java.io.File.pathSeparator + "b.jar",
            IndexCommand.MAIN_CLASS,
            "--out",
            Paths.get("work/hot-methods.tsv").toString(),
            "--encoding",
            "ISO-8859-1",
            "--hot-path-annotations",
            "com.acme.Handler",
            Paths.get("src/main/java").toString(),
            Paths.get("target/generated-sources").toString())
        .inOrder();
  }
}
