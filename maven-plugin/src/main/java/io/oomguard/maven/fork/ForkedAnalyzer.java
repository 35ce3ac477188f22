package io.oomguard.maven.fork;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneJavacPlugin;
import com.google.errorprone.bugpatterns.BugChecker;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.Trees;
import io.oomguard.checker.Checks;
import io.oomguard.checker.config.OomGuardFlags;
import io.oomguard.checker.fixes.SuggestedEdits;
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
 * <p>Exit status 0 means the results file was written (compile errors included); {@value
 * ForkFailedException#ANALYSIS_INCOMPLETE} means the analysis did not complete (Error Prone or a
 * check could not start or crashed, or javac failed without saying why) and the reason is the
 * output; anything else is a crash whose output the plugin shows. Silence is never read as "no
 * findings".
 */
public final class ForkedAnalyzer {
  /** {@code [CheckName] message}, as Error Prone formats a diagnostic. */
  private static final Pattern ERROR_PRONE_MESSAGE =
      Pattern.compile("\\[([A-Za-z0-9_]+)\\] (.*)", Pattern.DOTALL);

  /** The {@code (see <link>)} line Error Prone appends to a message. */
  private static final Pattern SEE_LINK = Pattern.compile("(?m)^\\s*\\(see \\S+\\)\\s*$\\n?");

  /**
   * What Error Prone appends for a fix: the first line the fix edits, which is no account of the
   * fix ({@link FixSuggestion} is).
   */
  private static final Pattern DID_YOU_MEAN = Pattern.compile("(?s)\\n\\s*Did you mean .*\\?\\s*$");

  private final ForkJob job;
  private final Set<String> checks;

  /** The fixes of the running pass, by check, file and finding position. */
  private final Map<List<Object>, SuggestedEdits.Suggested> suggested = new HashMap<>();

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
    } catch (AnalysisIncompleteException e) {
      System.out.println(e.getMessage());
      System.exit(ForkFailedException.ANALYSIS_INCOMPLETE);
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(3);
    }
    System.exit(0); // annotation processors may leave non-daemon threads behind
  }

  /** Runs the analysis pass and, when needed, the suppression pass. */
  ForkResults run() throws IOException, AnalysisIncompleteException {
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
              suppressor.justification(),
              found.fix()));
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
    final List<String> crashes = new ArrayList<>();
    ForkResults.Pass stats;
  }

  private Pass compile(boolean ignoreSuppressions) throws IOException, AnalysisIncompleteException {
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
      // What javac's -Xplugin:ErrorProne does, but with the flags as separate arguments: javac
      // splits the -Xplugin option on white space, which cut every flag holding a path with a
      // space in two (and the checks then could not start).
      try {
        new ErrorProneJavacPlugin().init(task, flags.toArray(new String[0]));
      } catch (RuntimeException e) {
        throw new AnalysisIncompleteException("Error Prone could not start: " + e, output);
      }
      // Looked up before call(): javac drops the context the lookup needs when the task ends.
      SourcePositions positions = Trees.instance(task).getSourcePositions();
      boolean completed;
      suggested.clear();
      SuggestedEdits.listen(
          fix -> suggested.put(List.of(fix.check(), fix.file(), fix.position()), fix));
      try {
        completed = task.call();
      } catch (RuntimeException e) {
        // javac wraps what a task listener (Error Prone, a check starting up) throws
        throw new AnalysisIncompleteException("javac stopped: " + rootCause(e), output);
      } finally {
        SuggestedEdits.listen(null);
      }
      Map<URI, SourceText> texts = new HashMap<>();
      for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
        record(diagnostic, units, positions, texts, pass);
      }
      if (!pass.crashes.isEmpty()) {
        throw new AnalysisIncompleteException(
            "Error Prone or an oomguard check crashed:\n" + String.join("\n", pass.crashes),
            output);
      }
      if (!completed && pass.errors.isEmpty()) {
        // Never read as "no findings": something failed without saying what in a diagnostic.
        throw new AnalysisIncompleteException(
            "javac reported failure but no compile error", output);
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
    if (diagnostic.getKind() == Diagnostic.Kind.ERROR && isCrash(code, message)) {
      pass.crashes.add(message);
      return;
    }
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
    SuggestedEdits.Suggested fix =
        suggested.get(List.of(matcher.group(1), source.toUri(), (int) start));
    pass.findings.add(
        new ForkResults.Found(
            matcher.group(1),
            Paths.get(source.toUri()).toAbsolutePath().normalize(),
            text.line(start),
            text.column(start),
            text.line(end),
            text.column(end),
            SEE_LINK
                .matcher(DID_YOU_MEAN.matcher(matcher.group(2)).replaceAll(""))
                .replaceAll("")
                .trim(),
            declarations == null ? "" : declarations.enclosingClass(),
            declarations == null ? "" : declarations.enclosingMember(),
            text.lineText(text.line(start)),
            "",
            "",
            fix == null ? null : suggestion(source.getCharContent(true), fix)));
    pass.declarations.add(declarations);
  }

  private static FixSuggestion suggestion(CharSequence source, SuggestedEdits.Suggested fix) {
    List<int[]> offsets = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (SuggestedEdits.Edit edit : fix.edits()) {
      offsets.add(new int[] {edit.start(), edit.end()});
      texts.add(edit.text());
    }
    return FixSuggestion.of(source, offsets, texts);
  }

  /**
   * Error Prone's report of an exception thrown by a check or by itself, and oomguard's report of a
   * configuration it cannot work with: not compile errors of the user's sources.
   */
  private static boolean isCrash(String code, String message) {
    return code.contains("error.prone.crash")
        || message.contains("An unhandled exception was thrown by the Error Prone")
        || message.startsWith(OomGuardFlags.CONFIGURATION_ERROR);
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause == e ? e.toString() : e + ", caused by " + cause;
  }

  private static Charset encoding(List<String> options) {
    int index = options.indexOf("-encoding");
    if (index >= 0 && index + 1 < options.size()) {
      return Charset.forName(options.get(index + 1));
    }
    return StandardCharsets.UTF_8;
  }
}
