package io.oomguard.maven.index;

import static com.google.common.truth.Truth.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import io.oomguard.checker.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus's cross-class scenarios ({@code test-cases/.../cases/crossclass/<scenario>/}): each
 * directory is indexed like a module and compiled at once with every check on, and must produce
 * exactly its marked findings, with the index and, through javac's typed view of the module,
 * without it; compiled file by file, none of the cross-class ones.
 */
final class CrossClassCorpusTest {
  private static final Path SCENARIOS =
      Paths.get(System.getProperty("oomguard.cases.dir", "../test-cases/src/main/java"))
          .resolve("io/oomguard/cases/crossclass");

  @TempDir Path temp;

  @TestFactory
  Stream<DynamicTest> withTheIndex_exactlyTheMarkedFindings() throws IOException {
    List<Path> scenarios = scenarios();
    assertThat(scenarios).isNotEmpty();
    return scenarios.stream()
        .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  /**
   * Without the index, javac's own view of the module finds the same: with the {@code simple}
   * compile policy every class is attributed before the checks run, and the hot-path model reads
   * the whole module's typed trees ({@code ModuleClasses}).
   */
  @TestFactory
  Stream<DynamicTest> withoutTheIndex_theTypedModuleViewFindsTheSame() throws IOException {
    return scenarios().stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> helperWith(dir, ImmutableList.of()).doTest()));
  }

  /**
   * Attributed one file at a time (the {@code byfile} policy), the module is not known when the
   * first check runs, and hot paths stay within each class: no cross-class finding.
   */
  @TestFactory
  Stream<DynamicTest> fileByFile_noCrossClassFindings() throws IOException {
    return scenarios().stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () ->
                        helperWith(dir, ImmutableList.of("-XDcompilePolicy=byfile"))
                            .expectNoDiagnostics()
                            .doTest()));
  }

  private void check(Path dir) throws IOException {
    ModuleIndex.Result result = ModuleIndex.build(List.of(dir), Set.of());
    assertThat(result.unparsable()).isEmpty();
    Path index = temp.resolve(dir.getFileName() + ".tsv");
    result.index().write(index);
    helperWith(dir, ImmutableList.of("-XepOpt:OomGuard:HotMethodsFile=" + index)).doTest();
  }

  private static CompilationTestHelper helperWith(Path dir, List<String> args) {
    CompilationTestHelper helper =
        CompilationTestHelper.newInstance(
            ScannerSupplier.fromBugCheckerClasses(Checks.all()), CrossClassCorpusTest.class);
    for (Path file : javaFiles(dir)) {
      try {
        helper.addSourceLines(
            dir.relativize(file).toString(),
            Files.readAllLines(file, StandardCharsets.UTF_8).toArray(new String[0]));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return helper.setArgs(args);
  }

  private static List<Path> scenarios() throws IOException {
    try (Stream<Path> dirs = Files.list(SCENARIOS)) {
      return dirs.filter(Files::isDirectory).sorted().collect(Collectors.toList());
    }
  }

  private static List<Path> javaFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
