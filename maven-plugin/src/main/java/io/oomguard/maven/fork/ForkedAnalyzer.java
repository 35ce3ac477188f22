package io.oomguard.maven.fork;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.Trees;
import io.oomguard.checker.Checks;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The main class of the forked JVM: compiles a module's sources with javac + Error Prone and writes
 * the oomguard diagnostics, caught by a {@link javax.tools.DiagnosticListener}, as {@link
 * ForkResults}.
 *
 * <p>The first pass is the analysis: what it reports is what Error Prone reports, suppressions
 * honoured. Error Prone drops suppressed findings without a trace, so when some source mentions a
 * suppression (see {@link ForkJob#suppressionCandidates()}), a second pass runs with {@code
 * -XepIgnoreSuppressionAnnotations}; what only that pass reports was suppressed, and the annotation
 * responsible is looked up in the tree for the SARIF report.
 *
 * <p>Exit status 0 means the results file was written (compile errors included); anything else is a
 * crash whose output the plugin shows.
 */
public final class ForkedAnalyzer {
  /** {@code [CheckName] message}, as Error Prone formats a diagnostic. */
  private static final Pattern ERROR_PRONE_MESSAGE =
      Pattern.compile("\\[([A-Za-z0-9_]+)\\] (.*)", Pattern.DOTALL);

  /** The {@code (see <link>)} line Error Prone appends to a message. */
  private static final Pattern SEE_LINK = Pattern.compile("(?m)^\\s*\\(see \\S+\\)\\s*$\\n?");

  private final ForkJob job;
  private final Set<String> checks;

  ForkedAnalyzer(ForkJob job) {
    this.job = job;
    this.checks = new HashSet<>(job.checks());
  }

  /** Runs the job named by the single argument. */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: ForkedAnalyzer <job file>");
      System.exit(2);
    }
    try {
      ForkJob job = ForkJob.read(Paths.get(args[0]));
      new ForkedAnalyzer(job).run().write(job.results());
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(3);
    }
    System.exit(0); // annotation processors may leave non-daemon threads behind
  }

  /** Runs the analysis pass and, when needed, the suppression pass. */
  ForkResults run() throws IOException {
    Pass analysis = compile(false);
    List<ForkResults.Found> findings = new ArrayList<>(analysis.findings);
    List<ForkResults.Pass> passes = new ArrayList<>(List.of(analysis.stats));
    if (analysis.errors.isEmpty() && !job.suppressionCandidates().isEmpty()) {
      Pass unsuppressed = compile(true);
      passes.add(unsuppressed.stats);
      findings.addAll(suppressedOnly(analysis.findings, unsuppressed));
    }
    return new ForkResults(findings, analysis.errors, passes);
  }

  /** What {@code unsuppressed} found in candidate files beyond what the analysis reported. */
  private List<ForkResults.Found> suppressedOnly(
      List<ForkResults.Found> reported, Pass unsuppressed) {
    Map<List<Object>, Integer> remaining = new HashMap<>();
    reported.forEach(found -> remaining.merge(key(found), 1, Integer::sum));
    Set<Path> candidates =
        job.suppressionCandidates().stream()
            .map(p -> p.toAbsolutePath().normalize())
            .collect(Collectors.toSet());
    Map<String, List<String>> customSuppressors = customSuppressors();
    List<ForkResults.Found> suppressed = new ArrayList<>();
    for (int i = 0; i < unsuppressed.findings.size(); i++) {
      ForkResults.Found found = unsuppressed.findings.get(i);
      if (!candidates.contains(found.file())) {
        continue;
      }
      if (remaining.merge(key(found), -1, Integer::sum) >= 0) {
        continue; // reported by the analysis too: not suppressed
      }
      Declarations declarations = unsuppressed.declarations.get(i);
      Declarations.Suppressor suppressor =
          (declarations == null
                  ? java.util.Optional.<Declarations.Suppressor>empty()
                  : declarations.suppressorOf(
                      found.check(), customSuppressors.getOrDefault(found.check(), List.of())))
              .orElse(new Declarations.Suppressor("in source", ""));
      suppressed.add(
          new ForkResults.Found(
              found.check(),
              found.file(),
              found.line(),
              found.column(),
              found.endLine(),
              found.endColumn(),
              found.message(),
              found.enclosingClass(),
              found.enclosingMember(),
              found.lineText(),
              suppressor.annotation(),
              suppressor.justification()));
    }
    return suppressed;
  }

  private static List<Object> key(ForkResults.Found found) {
    return List.of(
        found.check(),
        found.file(),
        found.line(),
        found.column(),
        found.endLine(),
        found.endColumn(),
        found.message());
  }

  /** Simple names of the non-{@code SuppressWarnings} suppression annotations, per check. */
  private static Map<String, List<String>> customSuppressors() {
    Map<String, List<String>> byCheck = new HashMap<>();
    for (Class<? extends BugChecker> check : Checks.all()) {
      BugPattern pattern = check.getAnnotation(BugPattern.class);
      List<String> names = new ArrayList<>();
      for (Class<?> annotation : pattern.suppressionAnnotations()) {
        if (!annotation.equals(SuppressWarnings.class)) {
          names.add(annotation.getSimpleName());
        }
      }
      byCheck.put(pattern.name(), names);
    }
    return byCheck;
  }

  /** One javac run and what it produced. */
  private static final class Pass {
    final List<ForkResults.Found> findings = new ArrayList<>();
    final List<Declarations> declarations = new ArrayList<>();
    final List<ForkResults.CompileError> errors = new ArrayList<>();
    ForkResults.Pass stats;
  }

  private Pass compile(boolean ignoreSuppressions) throws IOException {
    long started = System.nanoTime();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException(
          "No Java compiler in "
              + System.getProperty("java.home")
              + ": oomguard needs a JDK, not a JRE.");
    }
    List<String> options = new ArrayList<>(job.javacOptions());
    List<String> flags = new ArrayList<>(job.errorProneFlags());
    if (ignoreSuppressions) {
      flags.add("-XepIgnoreSuppressionAnnotations");
    }
    options.add("-Xplugin:ErrorProne " + String.join(" ", flags));

    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<URI, CompilationUnitTree> units = new HashMap<>();
    StringWriter output = new StringWriter();
    Pass pass = new Pass();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, encoding(options))) {
      JavacTask task =
          (JavacTask)
              javac.getTask(
                  output,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(job.sources()));
      task.addTaskListener(
          new TaskListener() {
            @Override
            public void finished(TaskEvent event) {
              if (event.getKind() == TaskEvent.Kind.PARSE) {
                units.put(event.getSourceFile().toUri(), event.getCompilationUnit());
              }
            }
          });
      // Looked up before call(): javac drops the context the lookup needs when the task ends.
      SourcePositions positions = Trees.instance(task).getSourcePositions();
      task.call();
      Map<URI, SourceText> texts = new HashMap<>();
      for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
        record(diagnostic, units, positions, texts, pass);
      }
    }
    if (output.getBuffer().length() > 0) {
      System.out.print(output); // javac's own non-diagnostic output, for the debug log
    }
    pass.stats =
        new ForkResults.Pass(
            ignoreSuppressions ? "suppressed" : "analysis",
            (System.nanoTime() - started) / 1_000_000,
            job.sources().size());
    return pass;
  }

  private void record(
      Diagnostic<? extends JavaFileObject> diagnostic,
      Map<URI, CompilationUnitTree> units,
      SourcePositions positions,
      Map<URI, SourceText> texts,
      Pass pass)
      throws IOException {
    String message = diagnostic.getMessage(Locale.ROOT);
    String code = String.valueOf(diagnostic.getCode());
    JavaFileObject source = diagnostic.getSource();
    if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
      pass.errors.add(
          new ForkResults.CompileError(
              source == null ? null : Paths.get(source.toUri()),
              (int) Math.max(0, diagnostic.getLineNumber()),
              (int) Math.max(0, diagnostic.getColumnNumber()),
              message));
      return;
    }
    Matcher matcher = ERROR_PRONE_MESSAGE.matcher(message);
    if (!code.contains("error.prone")
        || source == null
        || !matcher.matches()
        || !checks.contains(matcher.group(1))) {
      return; // javac's own warnings and notes are not findings
    }
    SourceText text = texts.get(source.toUri());
    if (text == null) {
      text = SourceText.of(source.getCharContent(true));
      texts.put(source.toUri(), text);
    }
    long start =
        diagnostic.getStartPosition() != Diagnostic.NOPOS
            ? diagnostic.getStartPosition()
            : diagnostic.getPosition();
    long end = Math.max(start, diagnostic.getEndPosition());
    CompilationUnitTree unit = units.get(source.toUri());
    Declarations declarations = unit == null ? null : Declarations.at(unit, positions, start);
    pass.findings.add(
        new ForkResults.Found(
            matcher.group(1),
            Paths.get(source.toUri()).toAbsolutePath().normalize(),
            text.line(start),
            text.column(start),
            text.line(end),
            text.column(end),
            SEE_LINK.matcher(matcher.group(2)).replaceAll("").trim(),
            declarations == null ? "" : declarations.enclosingClass(),
            declarations == null ? "" : declarations.enclosingMember(),
            text.lineText(text.line(start)),
            "",
            ""));
    pass.declarations.add(declarations);
  }

  private static Charset encoding(List<String> options) {
    int index = options.indexOf("-encoding");
    if (index >= 0 && index + 1 < options.size()) {
      return Charset.forName(options.get(index + 1));
    }
    return StandardCharsets.UTF_8;
  }
}
