import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * bench/run.sh's report: reads the logs and timings of one run of the benchmark and writes {@code
 * report.md} and {@code findings.txt} into the run's directory. Everything it reads is in that
 * directory, so that rendering the same run again gives the same report.
 *
 * <pre>
 * java bench/Report.java RUN-DIRECTORY
 * </pre>
 *
 * <p>What it computes: medians per library and way; ratios of paired runs (the ways of one run of a
 * library ran back to back, the two compiles of one warm round in the same JVM) as geometric means
 * with a 95% confidence interval (Student's t over the logarithms), read against the issue's
 * targets; oomguard's findings, which every way that runs the checks must agree on (and the
 * dispatch floor's stand-ins must not have); checker crashes; runs that failed. Exits with 1 when a
 * check crashed, a way failed or the findings disagree, else 0.
 */
public final class Report {
  static final String CRASH =
      "An unhandled exception was thrown by the Error Prone static analysis plugin";

  /** A way's short name in the report's tables. */
  static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("javac", "javac");
    LABELS.put("javac+errorprone", "errorprone");
    LABELS.put("javac+errorprone+oomguard", "oomguard");
    LABELS.put("dispatch-floor", "floor");
    LABELS.put("plugin-analysis", "plugin");
    LABELS.put("pmd", "pmd");
    LABELS.put("index", "index");
  }

  static final List<String> WARM_WAYS = List.of("warm-reload", "warm", "warm-dispatch-floor");

  /** The ways that run Error Prone, in whose logs a checker crash would show. */
  static final List<String> CHECKER_WAYS =
      List.of(
          "javac+errorprone",
          "javac+errorprone+oomguard",
          "dispatch-floor",
          "plugin-analysis",
          "warm-reload",
          "warm",
          "warm-dispatch-floor");

  enum On {
    CPU("cpu, all threads"),
    WALL("wall"),
    JAVAC("javac's thread"),
    JIT("the JIT threads");

    final String text;

    On(String text) {
      this.text = text;
    }
  }

  /** A cold ratio of the paired-ratio table; {@code target} is NaN where there is none. */
  record Ratio(String numerator, String denominator, On on, double target) {
    String name() {
      return LABELS.get(numerator) + "/" + LABELS.get(denominator);
    }
  }

  static final double NO_TARGET = Double.NaN;

  static final List<Ratio> COLD_RATIOS =
      List.of(
          new Ratio("javac+errorprone+oomguard", "javac+errorprone", On.CPU, 1.05),
          new Ratio("javac+errorprone+oomguard", "javac", On.CPU, 1.25),
          new Ratio("javac+errorprone+oomguard", "javac+errorprone", On.JAVAC, NO_TARGET),
          new Ratio("javac+errorprone+oomguard", "javac+errorprone", On.JIT, NO_TARGET),
          new Ratio("dispatch-floor", "javac+errorprone", On.CPU, NO_TARGET),
          new Ratio("dispatch-floor", "javac+errorprone", On.JAVAC, NO_TARGET),
          new Ratio("javac+errorprone+oomguard", "dispatch-floor", On.CPU, NO_TARGET),
          new Ratio("javac+errorprone+oomguard", "dispatch-floor", On.JAVAC, NO_TARGET),
          new Ratio("plugin-analysis", "javac+errorprone+oomguard", On.CPU, NO_TARGET),
          new Ratio("plugin-analysis", "javac+errorprone+oomguard", On.WALL, NO_TARGET),
          new Ratio("plugin-analysis", "javac+errorprone", On.CPU, NO_TARGET),
          new Ratio("index", "javac+errorprone+oomguard", On.CPU, NO_TARGET));

  /** One timed run of a way: a line of times.tsv. */
  record Run(String lib, String way, int run, double wall, double cpu, long rssKb, int exit) {}

  /** One compile of a warm way: a line of warm.tsv. */
  record Warm(
      String lib,
      String way,
      int run,
      int round,
      String variant,
      int exit,
      double wall,
      double cpu,
      double javac) {}

  final Path dir;
  final Map<String, String> meta;
  final List<String> libs;
  final List<String> checks;
  final int runs;
  final int warmRounds;
  final List<Run> times;
  final List<Warm> warm;
  final Pattern finding;
  final List<String> sourceRoots;
  final StringBuilder out = new StringBuilder();
  int problems;

  Report(Path dir) {
    this.dir = dir;
    meta = properties(dir.resolve("meta.txt"));
    libs = List.of(meta.get("libs").split(","));
    checks = List.of(meta.get("checks").split(","));
    runs = Integer.parseInt(meta.get("runs"));
    warmRounds = Integer.parseInt(meta.get("warm_rounds"));
    times =
        lines(dir.resolve("times.tsv")).stream()
            .map(line -> line.split(" "))
            .map(
                f ->
                    new Run(
                        f[0],
                        f[1],
                        Integer.parseInt(f[2]),
                        Double.parseDouble(f[3]),
                        Double.parseDouble(f[4]) + Double.parseDouble(f[5]),
                        Long.parseLong(f[6]),
                        Integer.parseInt(f[7])))
            .toList();
    warm =
        lines(dir.resolve("warm.tsv")).stream()
            .map(line -> line.split(" "))
            .map(
                f ->
                    new Warm(
                        f[0],
                        f[1],
                        Integer.parseInt(f[2]),
                        Integer.parseInt(f[3]),
                        f[4],
                        Integer.parseInt(f[5]),
                        Double.parseDouble(f[6]),
                        Double.parseDouble(f[7]),
                        Double.parseDouble(f[8])))
            .toList();
    sourceRoots = libs.stream().map(lib -> library(lib).get("source_root") + "/").toList();
    finding = Pattern.compile("\\.java:[0-9]+: warning: \\[(" + String.join("|", checks) + ")\\] ");
  }

  public static void main(String[] args) throws IOException {
    Report report = new Report(Path.of(args[0]));
    report.render();
    Files.writeString(report.dir.resolve("report.md"), report.out, StandardCharsets.UTF_8);
    Files.writeString(
        report.dir.resolve("findings.txt"), report.findingsFile(), StandardCharsets.UTF_8);
    System.exit(report.problems == 0 ? 0 : 1);
  }

  void render() {
    header();
    medians();
    ratiosPerLibrary();
    pairedRatios();
    threads();
    warmTable();
    index();
    findings();
    failures();
    crashes();
    excluded();
  }

  // ------------------------------------------------------------------ sections

  void header() {
    out.append(
        """
        # oomguard benchmark, %s

        Produced by `%s` at commit %s.

        - JDK: %s; Error Prone %s; PMD %s
        - machine: %s; load average (1, 5, 15 min) before: %s, after: %s
        - %d run(s) of each way per library, the ways of a run back to back; times in seconds,
          medians over the runs; cpu = user + sys of every thread (javac's, the JIT's, the GC's);
          rss = the largest peak resident set of any run, MiB
        - checks: %s
        - ways (bench/README.md says what each runs; in *italics*, its name in the tables): %s
        """
            .formatted(
                meta.get("started"),
                meta.get("command"),
                meta.get("commit"),
                meta.get("jdk"),
                meta.get("error_prone"),
                meta.get("pmd"),
                meta.get("machine"),
                meta.get("load_before"),
                meta.get("load_after"),
                runs,
                String.join(", ", checks),
                ways().stream()
                    .map(
                        w ->
                            "`"
                                + w
                                + "`"
                                + (LABELS.getOrDefault(w, w).equals(w)
                                    ? ""
                                    : " (*" + LABELS.get(w) + "*)"))
                    .collect(Collectors.joining(", "))));
  }

  void medians() {
    List<String> cold = coldWays().stream().filter(w -> !w.equals("index")).toList();
    if (cold.isEmpty()) {
      return;
    }
    section("Medians per library", "Seconds, medians over the runs; rss in MiB.\n");
    List<String> header = new ArrayList<>(List.of("library", "files", "lines"));
    for (String way : cold) {
      header.add(LABELS.get(way) + " wall");
      header.add(LABELS.get(way) + " cpu");
    }
    header.add("rss " + cold.stream().map(LABELS::get).collect(Collectors.joining("/")));
    header.add("crashes");
    Table table = new Table(1, header);
    double[] sums = new double[2 * cold.size() + 2];
    for (String lib : libs) {
      Map<String, String> library = library(lib);
      List<Object> row = new ArrayList<>(List.of(lib, library.get("files"), library.get("lines")));
      sums[0] += Double.parseDouble(library.get("files"));
      sums[1] += Double.parseDouble(library.get("lines"));
      List<String> rss = new ArrayList<>();
      for (int i = 0; i < cold.size(); i++) {
        OptionalDouble wall = median(lib, cold.get(i), On.WALL);
        OptionalDouble cpu = median(lib, cold.get(i), On.CPU);
        row.add(f1(wall));
        row.add(f1(cpu));
        sums[2 + 2 * i] += wall.orElse(Double.NaN);
        sums[3 + 2 * i] += cpu.orElse(Double.NaN);
        String way = cold.get(i);
        rss.add(peakRss(lib, way));
      }
      row.add(String.join("/", rss));
      row.add(crashCount(lib));
      table.row(row);
    }
    if (libs.size() > 1) {
      List<Object> row = new ArrayList<>(List.of("**all** (sums)"));
      row.add(String.format(Locale.ROOT, "%.0f", sums[0]));
      row.add(String.format(Locale.ROOT, "%.0f", sums[1]));
      for (int i = 2; i < sums.length; i++) {
        row.add(f1(sums[i]));
      }
      row.add("");
      row.add(libs.stream().mapToInt(this::crashCount).sum());
      table.row(row);
    }
    out.append(table);
  }

  void ratiosPerLibrary() {
    List<Ratio> ratios =
        COLD_RATIOS.stream()
            .filter(r -> r.on() == On.CPU && hasWay(r.numerator()) && hasWay(r.denominator()))
            .toList();
    if (ratios.isEmpty()) {
      return;
    }
    section(
        "Ratios per library",
        """
        Ratios of the medians above, cpu; the **all** row is the ratio of the sums of the medians.
        How far such a figure can be trusted is in *Paired ratios*.
        """);
    List<String> header = new ArrayList<>(List.of("library"));
    ratios.forEach(r -> header.add(r.name()));
    Table table = new Table(1, header);
    for (String lib : libs) {
      List<Object> row = new ArrayList<>(List.of(lib));
      for (Ratio r : ratios) {
        row.add(
            f2(ratio(median(lib, r.numerator(), On.CPU), median(lib, r.denominator(), On.CPU))));
      }
      table.row(row);
    }
    if (libs.size() > 1) {
      List<Object> row = new ArrayList<>(List.of("**all**"));
      for (Ratio r : ratios) {
        row.add(
            f2(ratio(sumOfMedians(r.numerator(), On.CPU), sumOfMedians(r.denominator(), On.CPU))));
      }
      table.row(row);
    }
    out.append(table);
  }

  void pairedRatios() {
    Table table =
        new Table(3, "ratio | ways | on | pairs | mean | 95% interval | target | verdict");
    for (Ratio r : COLD_RATIOS) {
      List<Double> logs = new ArrayList<>();
      for (String lib : libs) {
        for (int run = 1; run <= runs; run++) {
          OptionalDouble num = value(lib, r.numerator(), run, r.on());
          OptionalDouble den = value(lib, r.denominator(), run, r.on());
          if (num.isPresent()
              && den.isPresent()
              && num.getAsDouble() > 0
              && den.getAsDouble() > 0) {
            logs.add(Math.log(num.getAsDouble() / den.getAsDouble()));
          }
        }
      }
      if (!logs.isEmpty()) {
        pairedRow(table, r.name(), "cold", r.on(), Interval.of(logs).exp(), r.target());
      }
      if (r.numerator().equals("javac+errorprone+oomguard")
          && r.denominator().equals("javac")
          && r.on() == On.CPU) {
        marginalCostRow(table);
      }
    }
    for (String way : WARM_WAYS) {
      String other = way.equals("warm-dispatch-floor") ? "floor" : "oomguard";
      for (On on : List.of(On.CPU, On.JAVAC)) {
        List<Double> logs = warmPairs(way, on);
        if (!logs.isEmpty()) {
          pairedRow(table, other + "/errorprone", way, on, Interval.of(logs).exp(), NO_TARGET);
        }
      }
    }
    if (table.isEmpty()) {
      return;
    }
    section(
        "Paired ratios",
        """
        A pair is one run of a library, whose ways ran back to back (cold), or one round of a warm
        JVM, whose two compiles ran one after the other (warm: the second half of the rounds; the
        first half warm the JVM up). Means over every pair of every library, each library weighing
        the same: geometric means with a 95% confidence interval (Student's t over the logarithms);
        the marginal cost, a difference, by its arithmetic mean. A target is **met** when the whole
        interval is within it, **not met** when the whole interval is outside it, and **undecided**
        when the interval contains it: then this machine's noise is larger than the distance to the
        target. Pairs are not fully independent (the machine's state drifts over a run), so read the
        interval as a lower bound on the uncertainty.
        """);
    out.append(table);
  }

  void marginalCostRow(Table table) {
    List<Double> costs = new ArrayList<>();
    for (String lib : libs) {
      for (int run = 1; run <= runs; run++) {
        OptionalDouble oomguard = value(lib, "javac+errorprone+oomguard", run, On.CPU);
        OptionalDouble javac = value(lib, "javac", run, On.CPU);
        OptionalDouble pmd = value(lib, "pmd", run, On.CPU);
        if (oomguard.isPresent() && javac.isPresent() && pmd.isPresent() && pmd.getAsDouble() > 0) {
          costs.add((oomguard.getAsDouble() - javac.getAsDouble()) / pmd.getAsDouble());
        }
      }
    }
    if (!costs.isEmpty()) {
      pairedRow(table, "(oomguard − javac)/pmd", "cold", On.CPU, Interval.of(costs), 0.25);
    }
  }

  void pairedRow(Table table, String name, String ways, On on, Interval interval, double target) {
    String verdict;
    if (Double.isNaN(target)) {
      verdict = "";
    } else if (interval.n() < 2) {
      verdict = "too few pairs";
    } else if (interval.high() <= target) {
      verdict = "met";
    } else if (interval.low() > target) {
      verdict = "not met";
    } else {
      verdict = "undecided";
    }
    table.row(
        name,
        ways,
        on.text,
        interval.n(),
        f3(interval.mean()),
        interval.n() < 2 ? "-" : f3(interval.low()) + "–" + f3(interval.high()),
        Double.isNaN(target) ? "" : "≤ " + f2(target),
        verdict);
  }

  List<Double> warmPairs(String way, On on) {
    ToDoubleFunction<Warm> measure =
        on == On.CPU ? Warm::cpu : on == On.JAVAC ? Warm::javac : Warm::wall;
    Map<String, Warm> baseline = new LinkedHashMap<>();
    List<Warm> others = new ArrayList<>();
    for (Warm w : warm) {
      if (w.way().equals(way) && w.round() > warmRounds / 2 && w.exit() == 0) {
        if (w.variant().equals("errorprone")) {
          baseline.put(w.lib() + " " + w.run() + " " + w.round(), w);
        } else {
          others.add(w);
        }
      }
    }
    List<Double> logs = new ArrayList<>();
    for (Warm w : others) {
      Warm b = baseline.get(w.lib() + " " + w.run() + " " + w.round());
      if (b != null && measure.applyAsDouble(b) > 0 && measure.applyAsDouble(w) > 0) {
        logs.add(Math.log(measure.applyAsDouble(w) / measure.applyAsDouble(b)));
      }
    }
    return logs;
  }

  void threads() {
    List<String> ways =
        Stream.of("javac+errorprone", "dispatch-floor", "javac+errorprone+oomguard")
            .filter(this::hasWay)
            .toList();
    if (ways.isEmpty() || median(libs.get(0), ways.get(0), On.JAVAC).isEmpty()) {
      return;
    }
    section(
        "Where the cpu goes: javac's thread and the JIT",
        """
        Each javac run reports its threads' cpu as it exits (bench/ThreadCpu.java, from /proc):
        *javac* is the compiler's own thread, where parsing, attribution, flow analysis, Error Prone
        and the checks run; *jit* the JIT compiler threads, which compile the hot methods of all of
        them. Medians over the runs, seconds.
        """);
    List<String> header = new ArrayList<>(List.of("library"));
    for (String way : ways) {
      header.add(LABELS.get(way) + " javac");
      header.add(LABELS.get(way) + " jit");
    }
    Table table = new Table(1, header);
    for (String lib : libs) {
      List<Object> row = new ArrayList<>(List.of(lib));
      for (String way : ways) {
        row.add(f1(median(lib, way, On.JAVAC)));
        row.add(f1(median(lib, way, On.JIT)));
      }
      table.row(row);
    }
    out.append(table);
  }

  void warmTable() {
    if (warm.isEmpty()) {
      return;
    }
    section(
        "Warm JVMs",
        """
        Two argument sets compiled in turn, %d rounds, in one JVM per library and run
        (bench/WarmJavac.java), the order reversed every other round. Medians over the second half
        of the rounds, seconds: *cpu* of all the JVM's threads during the compile, *javac* of
        javac's own thread, where Error Prone and the checks run. Findings: oomguard's in the last
        warm compile (the stand-ins' in warm-dispatch-floor), and in brackets what they must be: the
        findings of the last run of javac+errorprone+oomguard (for the stand-ins, 0).
        """
            .formatted(warmRounds));
    Table table =
        new Table(
            2,
            "library | way | errorprone wall | errorprone cpu | errorprone javac | against | wall"
                + " | cpu | javac | ratio cpu | ratio javac | findings (expected)");
    for (String lib : libs) {
      for (String way : WARM_WAYS) {
        List<Warm> rounds =
            warm.stream()
                .filter(w -> w.lib().equals(lib) && w.way().equals(way))
                .filter(w -> w.round() > warmRounds / 2 && w.exit() == 0)
                .toList();
        if (rounds.isEmpty()) {
          continue;
        }
        String second = way.equals("warm-dispatch-floor") ? "floor" : "oomguard";
        List<Warm> base = rounds.stream().filter(w -> w.variant().equals("errorprone")).toList();
        List<Warm> other = rounds.stream().filter(w -> !w.variant().equals("errorprone")).toList();
        OptionalDouble baseCpu = median(base.stream().map(Warm::cpu).toList());
        OptionalDouble baseJavac = median(base.stream().map(Warm::javac).toList());
        OptionalDouble otherCpu = median(other.stream().map(Warm::cpu).toList());
        OptionalDouble otherJavac = median(other.stream().map(Warm::javac).toList());
        Optional<Integer> warmFindings = lastLog(lib, way).map(this::lastWarmFindings);
        Optional<Integer> coldFindings = coldFindings(lib);
        Optional<Integer> expected =
            way.equals("warm-dispatch-floor") ? Optional.of(0) : coldFindings;
        table.row(
            lib,
            way,
            f2(median(base.stream().map(Warm::wall).toList())),
            f2(baseCpu),
            f2(baseJavac),
            second,
            f2(median(other.stream().map(Warm::wall).toList())),
            f2(otherCpu),
            f2(otherJavac),
            f2(ratio(otherCpu, baseCpu)),
            f2(ratio(otherJavac, baseJavac)),
            agreeing(warmFindings, expected)
                + " ("
                + expected.map(String::valueOf).orElse("-")
                + ")");
      }
    }
    out.append(table);
  }

  void index() {
    if (!hasWay("index")) {
      return;
    }
    section(
        "Cross-class index",
        """
        The Maven plugin's JavaParser index of all the library's sources (`ModuleIndex`, in a JVM of
        its own with the plugin's flags), which the plugin builds before its analysis. Bodies:
        method bodies parsed because the search from the entry points reached them, of all.
        """);
    Table table =
        new Table(
            1,
            "library | index wall | index cpu | index rss | entry points | hot methods"
                + " | bodies parsed | index/oomguard cpu | index/oomguard wall");
    Pattern entryPoints = Pattern.compile(" ([0-9]+) entry points");
    Pattern hot = Pattern.compile(" ([0-9]+) hot methods");
    Pattern bodies = Pattern.compile(" ([0-9]+ of [0-9]+) method bodies parsed");
    for (String lib : libs) {
      Optional<Path> log = lastLog(lib, "index");
      if (log.isEmpty()) {
        continue;
      }
      String summary =
          lines(log.get()).stream()
              .filter(l -> l.startsWith("oomguard index:"))
              .findFirst()
              .orElse("");
      table.row(
          lib,
          f1(median(lib, "index", On.WALL)),
          f1(median(lib, "index", On.CPU)),
          peakRss(lib, "index"),
          group(entryPoints, summary),
          group(hot, summary),
          group(bodies, summary),
          f2(ratio(median(lib, "index", On.CPU), median(lib, "javac+errorprone+oomguard", On.CPU))),
          f2(
              ratio(
                  median(lib, "index", On.WALL),
                  median(lib, "javac+errorprone+oomguard", On.WALL))));
    }
    out.append(table);
  }

  void findings() {
    List<String> others =
        Stream.of("dispatch-floor", "plugin-analysis").filter(this::hasWay).toList();
    boolean oomguard = hasWay("javac+errorprone+oomguard");
    if (!oomguard && others.isEmpty() && !hasWay("pmd")) {
      return;
    }
    section(
        "Findings",
        """
        oomguard's findings per check in the last run of javac+errorprone+oomguard, and those of the
        other ways that run the checks, which must equal them (the dispatch floor's must be 0);
        PMD's violations and processing errors. Every finding, file:line in the library's sources
        jar: `findings.txt` beside this report.
        """);
    List<String> header = new ArrayList<>(List.of("library"));
    if (oomguard) {
      header.addAll(checks);
      header.add("oomguard");
    }
    others.forEach(way -> header.add(LABELS.get(way)));
    if (hasWay("pmd")) {
      header.add("PMD");
      header.add("PMD errors");
    }
    Table table = new Table(1, header);
    for (String lib : libs) {
      List<Object> row = new ArrayList<>(List.of(lib));
      Optional<Path> last = lastGoodLog(lib, "javac+errorprone+oomguard");
      if (oomguard) {
        List<String> text = last.isPresent() ? lines(last.get()) : List.of();
        for (String check : checks) {
          row.add(
              last.isEmpty()
                  ? "-"
                  : text.stream().filter(l -> l.contains("warning: [" + check + "]")).count());
        }
        row.add(coldFindings(lib).map(String::valueOf).orElse("-"));
      }
      for (String way : others) {
        Optional<Integer> count = lastGoodLog(lib, way).map(this::countFindings);
        Optional<Integer> expected =
            way.equals("dispatch-floor") ? Optional.of(0) : coldFindings(lib);
        row.add(agreeing(count, expected));
      }
      if (hasWay("pmd")) {
        Optional<Path> pmd = last(lib, "pmd", ".txt");
        List<String> text = pmd.isPresent() ? lines(pmd.get()) : List.of();
        row.add(
            pmd.isEmpty()
                ? "-"
                : text.stream().filter(l -> l.matches(".*\\.java:[0-9]+:\t.*")).count());
        row.add(
            pmd.isEmpty() ? "-" : text.stream().filter(l -> l.matches(".*\\.java\t-\t.*")).count());
      }
      table.row(row);
    }
    out.append(table);
  }

  /** A count of findings, marked (and counted as a problem) when it is not the one expected. */
  String agreeing(Optional<Integer> count, Optional<Integer> expected) {
    if (count.isPresent() && expected.isPresent() && !count.equals(expected)) {
      problems++;
      return count.get() + " **disagree**";
    }
    return count.map(String::valueOf).orElse("-");
  }

  void failures() {
    section("Ways that did not finish cleanly", "");
    boolean any = false;
    for (Run r : times) {
      if (r.exit() != 0 && !r.way().equals("pmd")) {
        any = true;
        problems++;
        line(
            "- %s, way %s, run %d: exit %d; first errors:"
                .formatted(r.lib(), r.way(), r.run(), r.exit()));
        line("```");
        lines(log(r.lib(), r.way(), r.run())).stream()
            .filter(l -> l.contains(": error: ") || l.startsWith("error: "))
            .limit(5)
            .forEach(l -> line(stripSources(l)));
        line("```");
      }
    }
    if (!any) {
      line("None.");
    }
  }

  void crashes() {
    section("Checker crashes", "");
    int total = libs.stream().mapToInt(this::crashCount).sum();
    problems += total;
    if (total == 0) {
      line("None.");
      return;
    }
    Pattern diagnostic =
        Pattern.compile("^/.*\\.java:[0-9]+: (error|warning): .*|^[0-9]+ (errors?|warnings?)$");
    for (String lib : libs) {
      for (Path log : checkerLogs(lib)) {
        List<String> text = lines(log);
        int at =
            IntStream.range(0, text.size())
                .filter(i -> text.get(i).contains(CRASH))
                .findFirst()
                .orElse(-1);
        if (at < 0) {
          continue;
        }
        line("### " + lib + " (" + log.getFileName() + ")");
        line("```");
        line(stripSources(text.get(at)));
        int end = at + 1;
        while (end < text.size()
            && !diagnostic.matcher(text.get(end)).matches()
            && end - at <= 60) {
          line(stripSources(text.get(end++)));
        }
        if (end - at > 60) {
          line("...");
        }
        line("```");
        break;
      }
    }
  }

  void excluded() {
    section(
        "Excluded sources",
        """
        Files plain javac cannot compile on JDK %s with the library's own classpath are left out of
        every way, with the first error that excluded them (one round of exclusions can make a file
        that used an excluded one fail in the next round).
        """
            .formatted(meta.get("java_major")));
    for (String lib : libs) {
      Path libDir = dir.resolve(lib);
      List<String> excluded = lines(libDir.resolve("excluded.tsv"));
      line(
          "- **%s** (%s): %d file(s) excluded; %d module-info/multi-release file(s) never compiled"
              .formatted(
                  lib,
                  library(lib).get("coordinate"),
                  excluded.size(),
                  lines(libDir.resolve("excluded-always.txt")).size()));
      for (String entry : excluded) {
        String[] parts = entry.split("\t", 2);
        line("  - `" + stripSources(parts[0]) + "`: " + parts[1]);
      }
    }
  }

  String findingsFile() {
    StringBuilder text = new StringBuilder();
    for (String lib : libs) {
      Optional<Path> last = lastGoodLog(lib, "javac+errorprone+oomguard");
      if (last.isEmpty()) {
        continue;
      }
      for (String line : lines(last.get())) {
        if (line.startsWith("/") && finding.matcher(line).find()) {
          text.append(lib).append(": ").append(stripSources(line)).append('\n');
        }
      }
    }
    return text.toString();
  }

  // ------------------------------------------------------------------ data

  List<String> ways() {
    return List.of(meta.get("ways").split(","));
  }

  List<String> coldWays() {
    return ways().stream().filter(LABELS::containsKey).toList();
  }

  boolean hasWay(String way) {
    return ways().contains(way);
  }

  Map<String, String> library(String lib) {
    return properties(dir.resolve(lib).resolve("library.txt"));
  }

  /** The largest peak resident set of a way's runs on a library, MiB. */
  String peakRss(String lib, String way) {
    OptionalLong kb = runsOf(lib, way).mapToLong(Run::rssKb).max();
    return kb.isEmpty() ? "-" : String.valueOf(Math.round(kb.getAsLong() / 1024.0));
  }

  Stream<Run> runsOf(String lib, String way) {
    return times.stream().filter(r -> r.lib().equals(lib) && r.way().equals(way));
  }

  /** A cold run's measure, when it ran and finished (PMD's exit status is its own business). */
  OptionalDouble value(String lib, String way, int run, On on) {
    Optional<Run> r =
        runsOf(lib, way)
            .filter(x -> x.run() == run && (x.exit() == 0 || way.equals("pmd")))
            .findFirst();
    if (r.isEmpty()) {
      return OptionalDouble.empty();
    }
    return switch (on) {
      case CPU -> OptionalDouble.of(r.get().cpu());
      case WALL -> OptionalDouble.of(r.get().wall());
      case JAVAC, JIT -> threadCpu(log(lib, way, run), on == On.JAVAC ? "javac" : "jit");
    };
  }

  OptionalDouble median(String lib, String way, On on) {
    List<Double> values = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      value(lib, way, run, on).ifPresent(values::add);
    }
    return median(values);
  }

  double sumOfMedians(String way, On on) {
    return libs.stream().mapToDouble(lib -> median(lib, way, on).orElse(Double.NaN)).sum();
  }

  /** A kind of thread's cpu, from the line bench/ThreadCpu.java prints as the JVM exits. */
  static OptionalDouble threadCpu(Path log, String kind) {
    Pattern pattern = Pattern.compile("^bench-threads: .*\\b" + kind + "=([0-9.]+)");
    for (String line : lines(log)) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return OptionalDouble.of(Double.parseDouble(m.group(1)));
      }
    }
    return OptionalDouble.empty();
  }

  Path log(String lib, String way, int run) {
    return dir.resolve(lib).resolve(way + "-" + run + ".log");
  }

  Optional<Path> last(String lib, String way, String suffix) {
    for (int run = runs; run >= 1; run--) {
      Path file = dir.resolve(lib).resolve(way + "-" + run + suffix);
      if (Files.exists(file)) {
        return Optional.of(file);
      }
    }
    return Optional.empty();
  }

  Optional<Path> lastLog(String lib, String way) {
    return last(lib, way, ".log");
  }

  /** The log of the last run of a way that finished. */
  Optional<Path> lastGoodLog(String lib, String way) {
    return runsOf(lib, way).filter(r -> r.exit() == 0).mapToInt(Run::run).max().stream()
        .mapToObj(run -> log(lib, way, run))
        .findFirst();
  }

  Optional<Integer> coldFindings(String lib) {
    return lastGoodLog(lib, "javac+errorprone+oomguard").map(this::countFindings);
  }

  int countFindings(Path log) {
    return (int) lines(log).stream().filter(l -> finding.matcher(l).find()).count();
  }

  /** oomguard's findings in the last compile of a warm log's second argument set. */
  int lastWarmFindings(Path log) {
    Pattern header = Pattern.compile("^bench-warm: [0-9]+ ([a-z-]+)$");
    int count = 0;
    boolean second = false;
    for (String line : lines(log)) {
      Matcher m = header.matcher(line);
      if (m.matches()) {
        second = !m.group(1).equals("errorprone");
        if (second) {
          count = 0;
        }
      } else if (second && finding.matcher(line).find()) {
        count++;
      }
    }
    return count;
  }

  List<Path> checkerLogs(String lib) {
    List<Path> logs = new ArrayList<>();
    for (String way : CHECKER_WAYS) {
      for (int run = 1; run <= runs; run++) {
        Path log = log(lib, way, run);
        if (Files.exists(log)) {
          logs.add(log);
        }
      }
    }
    return logs;
  }

  int crashCount(String lib) {
    int count = 0;
    for (Path log : checkerLogs(lib)) {
      count += (int) lines(log).stream().filter(l -> l.contains(CRASH)).count();
    }
    return count;
  }

  /** A log line with the paths of the libraries' unpacked sources made relative to them. */
  String stripSources(String line) {
    for (String root : sourceRoots) {
      line = line.replace(root, "");
    }
    return line;
  }

  // ------------------------------------------------------------------ statistics

  /** A mean and its 95% confidence interval over {@code n} values. */
  record Interval(int n, double mean, double low, double high) {
    /** Student's t, two-sided; NaN bounds for fewer than two values. */
    static Interval of(List<Double> values) {
      int n = values.size();
      double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
      if (n < 2) {
        return new Interval(n, mean, Double.NaN, Double.NaN);
      }
      double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
      double half = t95(n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
      return new Interval(n, mean, mean - half, mean + half);
    }

    /** The interval of a mean of logarithms, turned back into ratios: a geometric mean. */
    Interval exp() {
      return new Interval(n, Math.exp(mean), Math.exp(low), Math.exp(high));
    }
  }

  static final double[] T95 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
    2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
    2.052, 2.048, 2.045, 2.042
  };

  /** The 97.5% quantile of Student's t with {@code df} degrees of freedom. */
  static double t95(int df) {
    return df <= T95.length ? T95[df - 1] : 1.960 + 2.37 / df;
  }

  static OptionalDouble median(List<Double> values) {
    if (values.isEmpty()) {
      return OptionalDouble.empty();
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return OptionalDouble.of(n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
  }

  static double ratio(OptionalDouble x, OptionalDouble y) {
    return x.isPresent() && y.isPresent() ? ratio(x.getAsDouble(), y.getAsDouble()) : Double.NaN;
  }

  static double ratio(double x, double y) {
    return y == 0 ? Double.NaN : x / y;
  }

  // ------------------------------------------------------------------ text

  static String f1(OptionalDouble x) {
    return f1(x.orElse(Double.NaN));
  }

  static String f1(double x) {
    return format("%.1f", x);
  }

  static String f2(OptionalDouble x) {
    return f2(x.orElse(Double.NaN));
  }

  static String f2(double x) {
    return format("%.2f", x);
  }

  static String f3(double x) {
    return format("%.3f", x);
  }

  static String format(String format, double x) {
    return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, format, x);
  }

  static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : "-";
  }

  /** A section's heading and the paragraph that says how to read it. */
  void section(String title, String text) {
    out.append("\n## ").append(title).append("\n\n");
    if (!text.isEmpty()) {
      out.append(text).append('\n');
    }
  }

  void line(String text) {
    out.append(text).append('\n');
  }

  void line() {
    out.append('\n');
  }

  /** A file's non-empty lines; none when it does not exist. */
  static List<String> lines(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // A diagnostic may quote bytes that are not UTF-8; they become U+FFFD rather than fail.
    return new String(bytes, StandardCharsets.UTF_8).lines().filter(l -> !l.isEmpty()).toList();
  }

  static Map<String, String> properties(Path file) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String line : lines(file)) {
      int equals = line.indexOf('=');
      properties.put(line.substring(0, equals), line.substring(equals + 1));
    }
    return properties;
  }

  /** A markdown table: the first {@code textColumns} columns left-aligned, the rest right. */
  static final class Table {
    final int textColumns;
    final List<String> header;
    final List<List<String>> rows = new ArrayList<>();

    /** A table whose header is given as its cells joined by {@code " | "}. */
    Table(int textColumns, String header) {
      this(textColumns, List.of(header.split(" \\| ")));
    }

    Table(int textColumns, List<String> header) {
      this.textColumns = textColumns;
      this.header = header;
    }

    void row(Object... cells) {
      row(Arrays.asList(cells));
    }

    void row(List<?> cells) {
      rows.add(cells.stream().map(String::valueOf).toList());
    }

    boolean isEmpty() {
      return rows.isEmpty();
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder("| " + String.join(" | ", header) + " |\n|");
      for (int i = 0; i < header.size(); i++) {
        text.append(i < textColumns ? "---|" : "--:|");
      }
      text.append('\n');
      for (List<String> row : rows) {
        text.append("| ").append(String.join(" | ", row)).append(" |\n");
      }
      return text.toString();
    }
  }
}
