package io.oomguard.checker.config;

import static com.google.common.truth.Truth.assertThat;

import com.google.errorprone.ErrorProneJavaCompiler;
import com.google.errorprone.scanner.ScannerSupplier;
import io.oomguard.checker.Checks;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misspelt or bad {@code -XepOpt:OomGuard:} flag in compiler-plugin mode: the user sees one
 * compiler error that names the flag and the fix, not javac's "An exception has occurred in the
 * compiler" with the helpful line dozens of lines down.
 */
final class BadFlagCompilationTest {
  @TempDir Path classes;

  @Test
  void misspeltFlag_isTheCompilationsOnlyErrorAndNotACrash() {
    Compilation compilation = compile("-XepOpt:OomGuard:HotPathAnotations=com.acme.Handler");

    assertThat(compilation.succeeded).isFalse();
    assertThat(compilation.errors()).hasSize(1);
    assertThat(compilation.errors().get(0))
        .startsWith(
            "oomguard configuration error: Unknown oomguard flag"
                + " -XepOpt:OomGuard:HotPathAnotations");
    assertThat(compilation.errors().get(0)).contains("-XepOpt:OomGuard:HotPathAnnotations");
    assertThat(compilation.output).doesNotContain("An exception has occurred");
  }

  @Test
  void badFlagValue_reportedOnceHoweverManyChecksReadIt() {
    Compilation compilation = compile("-XepOpt:OomGuard:HotPathAnnotations=@com.acme.Handler");

    assertThat(compilation.errors()).hasSize(1);
    assertThat(compilation.errors().get(0))
        .contains("'@com.acme.Handler' is not a fully qualified");
  }

  @Test
  void goodFlags_compileCleanly() {
    Compilation compilation = compile("-XepOpt:OomGuard:HotPathAnnotations=com.acme.Handler");

    assertThat(compilation.errors()).isEmpty();
    assertThat(compilation.succeeded).isTrue();
  }

  private Compilation compile(String flag) {
    // Error Prone's own compiler with every oomguard check, as its flag tests do: the -Xplugin
    // path differs only in how the checks are found (README: compiler-plugin mode).
    JavaCompiler javac =
        new ErrorProneJavaCompiler(ScannerSupplier.fromBugCheckerClasses(Checks.all()));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    boolean succeeded =
        javac
            .getTask(
                output,
                null,
                diagnostics,
                List.of(
                    "-XDcompilePolicy=simple",
                    "--should-stop=ifError=FLOW",
                    "-d",
                    classes.toString(),
                    flag),
                null,
                List.of(source("class A { Object f() { return new StringBuilder().append(1); } }")))
            .call();
    return new Compilation(succeeded, diagnostics.getDiagnostics(), output.toString());
  }

  private record Compilation(
      boolean succeeded, List<Diagnostic<? extends JavaFileObject>> diagnostics, String output) {
    List<String> errors() {
      return diagnostics.stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> d.getMessage(Locale.ROOT))
          .toList();
    }
  }

  private static JavaFileObject source(String text) {
    return new SimpleJavaFileObject(URI.create("string:///A.java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }
}
