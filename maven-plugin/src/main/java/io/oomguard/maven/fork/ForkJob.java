package io.oomguard.maven.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the forked analyzer needs, written by the plugin to a file and read back in the fork.
 *
 * <p>The file is UTF-8 text, one {@code key<TAB>value} per line, so that arbitrary paths and
 * options survive without a second quoting layer (only line breaks cannot, and no option or path
 * has one).
 *
 * @param javacOptions javac options, complete except for {@code -Xplugin:ErrorProne}
 * @param errorProneFlags Error Prone flags that go into the {@code -Xplugin:ErrorProne} option
 * @param checks the names of the oomguard checks whose diagnostics count as findings
 * @param sources the source files to compile
 * @param suppressionCandidates sources that may hold suppressed findings (they mention a check name
 *     or a suppression annotation); if there are any, a second pass that ignores suppressions runs
 *     to find what was suppressed
 * @param results where the fork writes its {@link ForkResults}
 */
public record ForkJob(
    List<String> javacOptions,
    List<String> errorProneFlags,
    List<String> checks,
    List<Path> sources,
    List<Path> suppressionCandidates,
    Path results) {

  private static final String OPTION = "javac";
  private static final String FLAG = "errorprone";
  private static final String CHECK = "check";
  private static final String SOURCE = "source";
  private static final String CANDIDATE = "candidate";
  private static final String RESULTS = "results";

  public ForkJob {
    javacOptions = List.copyOf(javacOptions);
    errorProneFlags = List.copyOf(errorProneFlags);
    checks = List.copyOf(checks);
    sources = List.copyOf(sources);
    suppressionCandidates = List.copyOf(suppressionCandidates);
  }

  /** Writes this job to {@code file}. */
  public void write(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    javacOptions.forEach(option -> lines.add(line(OPTION, option)));
    errorProneFlags.forEach(flag -> lines.add(line(FLAG, flag)));
    checks.forEach(check -> lines.add(line(CHECK, check)));
    sources.forEach(source -> lines.add(line(SOURCE, source.toString())));
    suppressionCandidates.forEach(source -> lines.add(line(CANDIDATE, source.toString())));
    lines.add(line(RESULTS, results.toString()));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /** Reads a job written by {@link #write}. */
  public static ForkJob read(Path file) throws IOException {
    List<String> options = new ArrayList<>();
    List<String> flags = new ArrayList<>();
    List<String> checks = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    List<Path> candidates = new ArrayList<>();
    Path results = null;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new IOException("Malformed fork job line in " + file + ": " + line);
      }
      String value = line.substring(tab + 1);
      switch (line.substring(0, tab)) {
        case OPTION -> options.add(value);
        case FLAG -> flags.add(value);
        case CHECK -> checks.add(value);
        case SOURCE -> sources.add(Paths.get(value));
        case CANDIDATE -> candidates.add(Paths.get(value));
        case RESULTS -> results = Paths.get(value);
        default -> throw new IOException("Unknown fork job key in " + file + ": " + line);
      }
    }
    if (results == null) {
      throw new IOException("Fork job " + file + " names no results file");
    }
    return new ForkJob(options, flags, checks, sources, candidates, results);
  }

  private static String line(String key, String value) {
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("A line break cannot be passed to the fork: " + value);
    }
    return key + '\t' + value;
  }
}
