package io.oomguard.checker;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * The corpus harness: compiles one case file with every oomguard check on and asserts exactly the
 * findings its {@code // BUG: Diagnostic contains: <CheckName>} markers announce, none missing and
 * none extra (Error Prone's {@link CompilationTestHelper} convention).
 */
final class Corpus {
  /** The corpus root, {@code test-cases/src/main/java}, passed in by Surefire. */
  static final Path ROOT =
      Paths.get(System.getProperty("oomguard.cases.dir", "../test-cases/src/main/java"));

  /** Where the cross-class scenarios live, one directory each. */
  static final Path CROSS_CLASS = Paths.get("io/oomguard/cases/crossclass");

  private Corpus() {}

  /** Every case file in the corpus, as paths relative to {@link #ROOT}. */
  static ImmutableList<Path> caseFiles() {
    checkState(Files.isDirectory(ROOT), "corpus not found at %s", ROOT.toAbsolutePath());
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .filter(file -> !file.getFileName().toString().equals("package-info.java"))
          // Cross-class scenarios compile a directory at once, with the module index; the Maven
          // plugin's CrossClassCorpusTest runs them.
          .filter(file -> !ROOT.relativize(file).startsWith(CROSS_CLASS))
          .map(ROOT::relativize)
          .sorted()
          .collect(ImmutableList.toImmutableList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles {@code file} (relative to {@code root}) and asserts its marked findings. */
  static void check(Path root, Path file, List<String> extraJavacArgs) {
    List<String> lines;
    try {
      lines = Files.readAllLines(root.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CompilationTestHelper.newInstance(
            ScannerSupplier.fromBugCheckerClasses(Checks.all()), Corpus.class)
        .addSourceLines(file.toString(), lines.toArray(new String[0]))
        .setArgs(extraJavacArgs)
        .doTest();
  }
}
