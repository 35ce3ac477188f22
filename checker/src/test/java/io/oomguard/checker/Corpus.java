package io.oomguard.checker;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.scanner.ScannerSupplier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

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

  /**
   * Where the pairs modeled on real bug fixes live ({@code <pair>/before}, {@code <pair>/after});
   * the Maven plugin's RealFixCorpusTest measures them, as a user's build would run them.
   */
  static final Path REAL_FIXES = Paths.get("io/oomguard/cases/realfixes");

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
          .filter(file -> !ROOT.relativize(file).startsWith(REAL_FIXES))
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
    assertMarkedLinesNameEveryCheck(root.resolve(file), lines, extraJavacArgs);
  }

  /**
   * Error Prone's helper checks that a marked line has a diagnostic matching the marker, but not
   * that no other check reports there too. This compiles the file again and requires every oomguard
   * finding on a marked line to be named in its marker block.
   */
  private static void assertMarkedLinesNameEveryCheck(
      Path source, List<String> lines, List<String> extraJavacArgs) {
    StringBuilder plugin = new StringBuilder("-Xplugin:ErrorProne -XepDisableAllChecks");
    for (Class<? extends BugChecker> check : Checks.all()) {
      plugin.append(" -Xep:").append(Checks.name(check)).append(":WARN");
    }
    for (String arg : extraJavacArgs) {
      plugin.append(' ').append(arg);
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      // Stopped after flow analysis: nothing is written to the output directory, removed after.
      Path out = Files.createTempDirectory("oomguard-corpus");
      List<String> options =
          List.of(
              "-d",
              out.toString(),
              "-encoding",
              "UTF-8",
              "-XDcompilePolicy=simple",
              "--should-stop=ifError=FLOW",
              "--should-stop=ifNoError=FLOW",
              "-classpath",
              System.getProperty("java.class.path"),
              "-processorpath",
              System.getProperty("java.class.path"),
              plugin.toString());
      try {
        javac
            .getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(source))
            .call();
      } finally {
        Files.delete(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Long, String> blocks = markerBlocks(lines);
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      String message = diagnostic.getMessage(Locale.ROOT);
      String block = blocks.get(diagnostic.getLineNumber());
      if (block == null || !message.startsWith("[")) {
        continue; // unmarked lines were checked by the helper; javac notes are not findings
      }
      String check = message.substring(1, message.indexOf(']'));
      if (!block.contains(check) && !matchesAPattern(block, message)) {
        throw new AssertionError(
            source
                + ":"
                + diagnostic.getLineNumber()
                + ": ["
                + check
                + "] also reports on a line whose marker does not name it: "
                + message);
      }
    }
  }

  /** Whether a pattern of the block (after the marker, or after {@code //}) is in the message. */
  private static boolean matchesAPattern(String block, String message) {
    for (String line : block.split("\n")) {
      String pattern =
          line.contains("Diagnostic contains:")
              ? line.substring(
                  line.indexOf("Diagnostic contains:") + "Diagnostic contains:".length())
              : line.trim().substring(2);
      if (!pattern.isBlank() && message.contains(pattern.trim())) {
        return true;
      }
    }
    return false;
  }

  /** The text of each marker block, by the (1-based) line it applies to. */
  private static Map<Long, String> markerBlocks(List<String> lines) {
    Map<Long, String> blocks = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).contains("// BUG: Diagnostic contains:")) {
        continue;
      }
      StringBuilder block = new StringBuilder(lines.get(i));
      int next = i + 1;
      while (next < lines.size() && lines.get(next).trim().startsWith("//")) {
        block.append('\n').append(lines.get(next));
        next++;
      }
      blocks.put((long) next + 1, block.toString());
    }
    return blocks;
  }
}
