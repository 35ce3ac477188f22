import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The field run's ledger, called by field/run.sh after the analysis:
 *
 * <pre>
 *   java field/Ledger.java update --ledger field/ledger.md --summary field/last-run.md --run RUN_DIR
 *       --seed N --elapsed SECONDS --commit C --jdk N [--dry-run] --project NAME=PROJECT_DIR ...
 *   java field/Ledger.java table --ledger field/ledger.md     (only regenerate the precision table)
 * </pre>
 *
 * <p>For every project it reads each module's outcome (its SARIF report, and the Maven log {@code
 * RUN_DIR/NAME.log}), matches the findings with the ledger's rows by the SARIF {@code
 * partialFingerprints} identity (line-independent), adds new findings as UNREVIEWED, marks rows no
 * longer found as stale (never deletes them), samples 25 findings per project and check where
 * there are more (by a hash of the recorded seed and the fingerprint, so the sample is random,
 * reproducible and stable from run to run), regenerates the precision table, and prints the
 * comparison. The verdict and reason columns, which people write, are never changed: only the
 * location columns of a row found again, its sample mark and its state.
 *
 * <p>Exit status: 0 every project and module analyzed; 1 a project or module failed to prepare or
 * to analyze, or a check reported an internal error; 2 bad usage or a malformed ledger (nothing is
 * written then).
 */
public final class Ledger {
  static final int SAMPLE = Integer.getInteger("field.sample", 25); // a property only to test sampling
  static final Set<String> VERDICTS = Set.of("TRUE", "FALSE", "DEBATABLE", "UNREVIEWED");
  static final String FINGERPRINT_KEY = "oomguardIdentity/v1";
  static final List<String> COLUMNS =
      List.of(
          "fingerprint", "module", "check", "location", "where", "flagged line", "sample",
          "state", "verdict", "reason");

  public static void main(String[] args) throws Exception {
    if (args.length == 0) usage("no command");
    Map<String, List<String>> options = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String name = args[i];
      if (!name.startsWith("--")) usage("unexpected argument " + name);
      if (name.equals("--dry-run")) {
        options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
        continue;
      }
      if (i + 1 >= args.length) usage(name + " needs a value");
      options.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
    }
    try {
      switch (args[0]) {
        case "update" -> System.exit(update(options));
        case "table" -> {
          Path path = Path.of(one(options, "--ledger"));
          LedgerFile ledger = LedgerFile.read(path);
          Files.writeString(path, ledger.render(), StandardCharsets.UTF_8);
          System.out.print(ledger.precisionTable());
        }
        default -> usage("unknown command " + args[0]);
      }
    } catch (BadLedger e) {
      System.err.println("field ledger: " + e.getMessage());
      System.exit(2);
    }
  }

  static void usage(String why) {
    System.err.println("field ledger: " + why);
    System.err.println(
        "usage: Ledger update --ledger FILE --summary FILE --run DIR --seed N --elapsed S --commit C"
            + " --jdk N [--dry-run] --project NAME=DIR ... | table --ledger FILE");
    System.exit(2);
  }

  static String one(Map<String, List<String>> options, String name) {
    List<String> values = options.get(name);
    if (values == null || values.size() != 1) usage(name + " is needed once");
    return values.get(0);
  }

  static final class BadLedger extends Exception {
    BadLedger(String message) {
      super(message);
    }
  }

  // ------------------------------------------------------------------ what one run found

  record Finding(
      String project,
      String module,
      String check,
      String fingerprint,
      String path, // relative to the module's source root when under it
      int line,
      String where,
      String lineText,
      String message) {}

  static final class ModuleOutcome {
    final String module;
    int files;
    long lines;
    int excluded;
    String state = "FAILED"; // ANALYZED, SKIPPED, FAILED
    String reason = "";
    String index = "";
    int suppressed;
    final List<String> internalErrors = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();

    ModuleOutcome(String module) {
      this.module = module;
    }
  }

  static final class ProjectOutcome {
    final String name;
    boolean prepared;
    String failure = "";
    long seconds;
    final List<ModuleOutcome> modules = new ArrayList<>();
    final Map<String, List<String>> excludedReasons = new TreeMap<>();

    ProjectOutcome(String name) {
      this.name = name;
    }

    List<Finding> findings() {
      List<Finding> all = new ArrayList<>();
      modules.forEach(m -> all.addAll(m.findings));
      return all;
    }

    boolean analyzed(String module) {
      return modules.stream().anyMatch(m -> m.module.equals(module) && m.state.equals("ANALYZED"));
    }
  }

  private static final Pattern SECTION = Pattern.compile("^\\[INFO\\] -+< ([^:\\s]+):(\\S+) >-+$");
  private static final Pattern FAILED_GOAL =
      Pattern.compile("^\\[ERROR\\] Failed to execute goal (\\S+) \\(([^)]*)\\) on project (\\S+?): (.*)$");

  static ProjectOutcome readProject(String name, Path dir, Path runDir) throws IOException {
    ProjectOutcome outcome = new ProjectOutcome(name);
    Path status = runDir.resolve(name + ".status");
    List<String> statusLines = Files.exists(status) ? Files.readAllLines(status) : List.of("failed 0", "no status");
    String[] first = statusLines.get(0).split(" ");
    outcome.prepared = first[0].equals("ok");
    outcome.seconds = first.length > 1 ? Long.parseLong(first[1]) : 0;
    if (!outcome.prepared) {
      outcome.failure = String.join(" ", statusLines.subList(1, statusLines.size()));
      return outcome;
    }
    Path reactor = dir.resolve("reactor");
    Map<String, Integer> excludedCount = new HashMap<>();
    Path excludedTsv = dir.resolve("excluded.tsv");
    if (Files.exists(excludedTsv)) {
      for (String line : Files.readAllLines(excludedTsv, StandardCharsets.UTF_8)) {
        String[] cells = line.split("\t", 3);
        if (cells.length < 3) continue;
        excludedCount.merge(cells[0], 1, Integer::sum);
        outcome.excludedReasons.computeIfAbsent(cells[0], k -> new ArrayList<>())
            .add(cells[1] + ": " + cells[2]);
      }
    }
    Map<String, List<String>> sections = sections(runDir.resolve(name + ".log"));
    Map<String, String> failures = failures(runDir.resolve(name + ".log"));
    for (String line : Files.readAllLines(dir.resolve("modules.txt"))) {
      if (line.isBlank()) continue;
      String artifactId = line.trim().split("\\s+")[0].split(":")[1];
      ModuleOutcome module = new ModuleOutcome(artifactId);
      outcome.modules.add(module);
      Path moduleDir = reactor.resolve(artifactId);
      Path sourceRoot = moduleDir.resolve("src/main/java");
      if (Files.isDirectory(sourceRoot)) {
        try (Stream<Path> walk = Files.walk(sourceRoot)) {
          for (Path file : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
            module.files++;
            module.lines += lineCount(file);
          }
        }
      }
      module.excluded = excludedCount.getOrDefault(artifactId, 0);
      List<String> section = sections.getOrDefault(artifactId, List.of());
      boolean skipped = false;
      for (String logLine : section) {
        int at = logLine.indexOf("oomguard: internal error");
        if (at >= 0) module.internalErrors.add(logLine.substring(at));
        if (logLine.contains("oomguard: skipped")) skipped = true;
        at = logLine.indexOf("oomguard index: ");
        if (at >= 0) module.index = logLine.substring(at + "oomguard index: ".length());
      }
      Path sarif = moduleDir.resolve("target/oomguard/oomguard.sarif");
      if (failures.containsKey(artifactId)) {
        module.state = "FAILED";
        module.reason = failures.get(artifactId);
      } else if (Files.isRegularFile(sarif)) {
        module.state = "ANALYZED";
        readSarif(sarif, reactor, outcome.name, module);
      } else if (skipped) {
        module.state = "SKIPPED";
        module.reason = "oomguard skipped it (no sources left)";
      } else if (section.isEmpty()) {
        module.reason = "not in the Maven log: the reactor did not build it";
      } else {
        module.reason = "no SARIF report and no error in the log";
      }
    }
    return outcome;
  }

  static long lineCount(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    long lines = 0;
    for (byte b : bytes) if (b == '\n') lines++;
    return lines;
  }

  /** The log's lines per module (artifactId), by Maven's per-project headers. */
  static Map<String, List<String>> sections(Path log) throws IOException {
    Map<String, List<String>> sections = new HashMap<>();
    if (!Files.exists(log)) return sections;
    List<String> current = null;
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      Matcher matcher = SECTION.matcher(line);
      if (matcher.matches()) {
        current = sections.computeIfAbsent(matcher.group(2), k -> new ArrayList<>());
        continue;
      }
      if (line.startsWith("[INFO] Reactor Summary")) current = null;
      if (current != null) current.add(line);
    }
    return sections;
  }

  /** Per module, the goal that failed and Maven's message (its first lines). */
  static Map<String, String> failures(Path log) throws IOException {
    Map<String, String> failures = new HashMap<>();
    if (!Files.exists(log)) return failures;
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      Matcher matcher = FAILED_GOAL.matcher(lines.get(i));
      if (!matcher.matches()) continue;
      StringBuilder message = new StringBuilder(matcher.group(1)).append(": ").append(matcher.group(4));
      for (int j = i + 1, taken = 0; j < lines.size() && taken < 25; j++, taken++) {
        String next = lines.get(j);
        if (!next.startsWith("[ERROR]") || next.startsWith("[ERROR] -> [Help")
            || FAILED_GOAL.matcher(next).matches() || next.equals("[ERROR] ")) break;
        message.append(" / ").append(next.substring("[ERROR]".length()).trim());
      }
      failures.merge(matcher.group(3), message.toString(), (a, b) -> a + " // " + b);
    }
    return failures;
  }

  @SuppressWarnings("unchecked")
  static void readSarif(Path sarif, Path reactor, String project, ModuleOutcome module)
      throws IOException {
    Object root = new Json(Files.readString(sarif, StandardCharsets.UTF_8)).parse();
    Map<Path, List<String>> texts = new HashMap<>();
    for (Object run : (List<Object>) ((Map<String, Object>) root).get("runs")) {
      Map<String, Object> runMap = (Map<String, Object>) run;
      for (Object r : (List<Object>) runMap.getOrDefault("results", List.of())) {
        Map<String, Object> result = (Map<String, Object>) r;
        if (result.containsKey("suppressions")) {
          module.suppressed++;
          continue;
        }
        String check = (String) result.get("ruleId");
        String message = (String) ((Map<String, Object>) result.get("message")).get("text");
        String fingerprint =
            (String) ((Map<String, Object>) result.get("partialFingerprints")).get(FINGERPRINT_KEY);
        Map<String, Object> location = (Map<String, Object>) ((List<Object>) result.get("locations")).get(0);
        Map<String, Object> physical = (Map<String, Object>) location.get("physicalLocation");
        String uri = (String) ((Map<String, Object>) physical.get("artifactLocation")).get("uri");
        int line = ((Number) ((Map<String, Object>) physical.get("region")).get("startLine")).intValue();
        String where = "";
        List<Object> logical = (List<Object>) location.get("logicalLocations");
        if (logical != null && !logical.isEmpty()) {
          where = (String) ((Map<String, Object>) logical.get(0)).getOrDefault("fullyQualifiedName", "");
        }
        String relative = java.net.URLDecoder.decode(uri.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path file = reactor.resolve(relative);
        List<String> lines = texts.computeIfAbsent(file, f -> {
          try {
            return Files.readAllLines(f, StandardCharsets.UTF_8);
          } catch (IOException | RuntimeException e) {
            return List.of();
          }
        });
        String lineText = line >= 1 && line <= lines.size() ? lines.get(line - 1).trim().replaceAll("\\s+", " ") : "";
        String prefix = module.module + "/src/main/java/";
        String shown = relative.startsWith(prefix) ? relative.substring(prefix.length()) : relative;
        module.findings.add(
            new Finding(project, module.module, check, fingerprint, shown, line, where, lineText, message));
      }
    }
  }

  // ------------------------------------------------------------------ the ledger file

  static final class Row {
    final Map<String, String> cells = new LinkedHashMap<>();

    String get(String column) {
      return cells.getOrDefault(column, "");
    }

    void set(String column, String value) {
      cells.put(column, value);
    }

    String fingerprint() {
      return unquote(get("fingerprint"));
    }
  }

  static final class LedgerFile {
    String seed;
    final Map<String, List<Row>> projects = new TreeMap<>();

    static LedgerFile read(Path path) throws IOException, BadLedger {
      LedgerFile ledger = new LedgerFile();
      if (!Files.exists(path)) return ledger;
      List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
      String project = null;
      List<String> header = null;
      boolean inFindings = false;
      for (int n = 0; n < lines.size(); n++) {
        String line = lines.get(n);
        Matcher seed = Pattern.compile("^Sampling seed: `?(\\d+)`?").matcher(line);
        if (seed.find()) ledger.seed = seed.group(1);
        if (line.equals("## Findings")) {
          inFindings = true;
          continue;
        }
        if (!inFindings) continue;
        if (line.startsWith("### ")) {
          project = line.substring(4).trim();
          ledger.projects.computeIfAbsent(project, k -> new ArrayList<>());
          header = null;
          continue;
        }
        if (!line.startsWith("|")) continue;
        List<String> cells = splitRow(line);
        if (header == null) {
          header = cells;
          for (String column : COLUMNS) {
            if (!header.contains(column)) {
              throw new BadLedger(path + ":" + (n + 1) + ": the table has no column '" + column + "'");
            }
          }
          continue;
        }
        if (cells.stream().allMatch(c -> c.matches(":?-+:?"))) continue;
        if (project == null) throw new BadLedger(path + ":" + (n + 1) + ": a row before any ### project heading");
        if (cells.size() != header.size()) {
          throw new BadLedger(path + ":" + (n + 1) + ": " + cells.size() + " cells, the header has "
              + header.size() + " (a '|' in a reason must be written '\\|')");
        }
        Row row = new Row();
        for (int i = 0; i < header.size(); i++) row.set(header.get(i), cells.get(i));
        String verdict = row.get("verdict");
        if (!VERDICTS.contains(verdict)) {
          throw new BadLedger(path + ":" + (n + 1) + ": verdict '" + verdict
              + "' is not one of TRUE, FALSE, DEBATABLE, UNREVIEWED");
        }
        if (row.fingerprint().isEmpty()) throw new BadLedger(path + ":" + (n + 1) + ": no fingerprint");
        ledger.projects.get(project).add(row);
      }
      return ledger;
    }

    String render() {
      StringBuilder out = new StringBuilder();
      out.append("# oomguard field ledger\n\n");
      out.append("Every finding of the field run (`field/run.sh`, see [README](README.md)) on real services\n");
      out.append("and server frameworks, with a verdict. Written by `field/Ledger.java`; people edit only the\n");
      out.append("**verdict** (`TRUE`, `FALSE`, `DEBATABLE`, `UNREVIEWED`) and **reason** columns, which the\n");
      out.append("tool never changes. A row whose finding is no longer reported is kept, marked `stale`. Where\n");
      out.append("a project has more than " + SAMPLE + " findings of one check, " + SAMPLE + " of them are sampled\n");
      out.append("(`sample` yes) by a hash of the seed and the fingerprint; only sampled rows need a verdict.\n\n");
      out.append("Sampling seed: `").append(seed).append("`\n\n");
      out.append("## Precision\n\n");
      out.append(precisionTable());
      out.append("\n## Findings\n");
      for (Map.Entry<String, List<Row>> project : projects.entrySet()) {
        if (project.getValue().isEmpty()) continue;
        out.append("\n### ").append(project.getKey()).append("\n\n");
        out.append("| ").append(String.join(" | ", COLUMNS)).append(" |\n");
        out.append("|").append("---|".repeat(COLUMNS.size())).append("\n");
        List<Row> rows = new ArrayList<>(project.getValue());
        rows.sort(ROW_ORDER);
        for (Row row : rows) {
          out.append("|");
          for (String column : COLUMNS) {
            String cell = row.get(column);
            out.append(cell.isEmpty() ? " " : " " + cell + " ").append("|");
          }
          out.append("\n");
        }
      }
      return out.toString();
    }

    String precisionTable() {
      Map<String, int[]> perCheck = new TreeMap<>();
      int[] all = new int[7];
      for (List<Row> rows : projects.values()) {
        for (Row row : rows) {
          if (!row.get("state").equals("current")) continue;
          int[] counts = perCheck.computeIfAbsent(row.get("check"), k -> new int[7]);
          boolean sampled = row.get("sample").equals("yes");
          for (int[] c : List.of(counts, all)) {
            c[0]++;
            if (!sampled) continue;
            c[1]++;
            switch (row.get("verdict")) {
              case "TRUE" -> c[2]++;
              case "FALSE" -> c[3]++;
              case "DEBATABLE" -> c[4]++;
              default -> c[5]++;
            }
          }
        }
      }
      StringBuilder out = new StringBuilder();
      out.append("Current findings only (stale rows left out); verdicts of sampled rows. Precision is\n");
      out.append("TRUE / judged, judged = TRUE + FALSE + DEBATABLE; the last column leaves DEBATABLE out.\n\n");
      out.append("| check | findings | sampled | TRUE | FALSE | DEBATABLE | UNREVIEWED | precision | TRUE / (TRUE + FALSE) |\n");
      out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      for (Map.Entry<String, int[]> entry : perCheck.entrySet()) {
        out.append(precisionRow(entry.getKey(), entry.getValue()));
      }
      out.append(precisionRow("**all**", all));
      return out.toString();
    }

    static String precisionRow(String name, int[] c) {
      int judged = c[2] + c[3] + c[4];
      return "| " + name + " | " + c[0] + " | " + c[1] + " | " + c[2] + " | " + c[3] + " | " + c[4]
          + " | " + c[5] + " | " + ratio(c[2], judged) + " | " + ratio(c[2], c[2] + c[3]) + " |\n";
    }

    static String ratio(int part, int whole) {
      return whole == 0 ? "–" : String.format("%.2f (%d/%d)", (double) part / whole, part, whole);
    }
  }

  static final Comparator<Row> ROW_ORDER =
      Comparator.comparing((Row r) -> r.get("module"))
          .thenComparing(r -> r.get("check"))
          .thenComparing(r -> locationPath(r.get("location")))
          .thenComparingInt(r -> locationLine(r.get("location")))
          .thenComparing(Row::fingerprint);

  static String locationPath(String location) {
    String plain = unquote(location);
    int colon = plain.lastIndexOf(':');
    return colon < 0 ? plain : plain.substring(0, colon);
  }

  static int locationLine(String location) {
    String plain = unquote(location);
    int colon = plain.lastIndexOf(':');
    try {
      return colon < 0 ? 0 : Integer.parseInt(plain.substring(colon + 1));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Splits a markdown table row on the '|' that are not escaped. */
  static List<String> splitRow(String line) {
    String body = line.trim();
    if (body.startsWith("|")) body = body.substring(1);
    if (body.endsWith("|") && !body.endsWith("\\|")) body = body.substring(0, body.length() - 1);
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '|') {
        cell.append("\\|");
        i++;
      } else if (c == '|') {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().trim());
    return cells;
  }

  /** Text as a markdown code span in a table cell: backticks fenced, '|' escaped. */
  static String code(String text) {
    if (text.isEmpty()) return "";
    String fence = text.contains("``") ? "```" : text.contains("`") ? "``" : "`";
    String padded = fence.length() > 1 ? " " + text + " " : text;
    return fence + padded.replace("|", "\\|") + fence;
  }

  static String unquote(String cell) {
    String s = cell.trim();
    while (s.startsWith("`") && s.endsWith("`") && s.length() >= 2) s = s.substring(1, s.length() - 1);
    return s.trim().replace("\\|", "|");
  }

  // ------------------------------------------------------------------ update

  static int update(Map<String, List<String>> options) throws Exception {
    Path ledgerPath = Path.of(one(options, "--ledger"));
    Path summaryPath = Path.of(one(options, "--summary"));
    Path runDir = Path.of(one(options, "--run"));
    boolean dryRun = options.containsKey("--dry-run");
    LedgerFile ledger = LedgerFile.read(ledgerPath);
    if (ledger.seed == null) ledger.seed = one(options, "--seed");
    String today = LocalDate.now().toString();

    List<ProjectOutcome> outcomes = new ArrayList<>();
    for (String spec : options.getOrDefault("--project", List.of())) {
      int eq = spec.indexOf('=');
      if (eq < 0) usage("--project wants NAME=DIR");
      outcomes.add(readProject(spec.substring(0, eq), Path.of(spec.substring(eq + 1)), runDir));
    }

    StringBuilder report = new StringBuilder();
    StringBuilder comparison = new StringBuilder();
    List<String> problems = new ArrayList<>();
    StringBuilder findingsTsv = new StringBuilder("project\tmodule\tcheck\tfingerprint\tfile:line\twhere\tmessage\n");

    for (ProjectOutcome outcome : outcomes) {
      if (!outcome.prepared) {
        problems.add(outcome.name + ": not analyzed, preparing it failed: " + outcome.failure);
        continue;
      }
      for (ModuleOutcome module : outcome.modules) {
        if (module.state.equals("FAILED")) {
          problems.add(outcome.name + "/" + module.module + ": ANALYSIS FAILED: " + module.reason);
        } else if (module.state.equals("SKIPPED")) {
          problems.add(outcome.name + "/" + module.module + ": skipped: " + module.reason);
        }
        for (String error : new TreeSet<>(module.internalErrors)) {
          problems.add(outcome.name + "/" + module.module + ": " + error);
        }
      }
      List<Row> rows = ledger.projects.computeIfAbsent(outcome.name, k -> new ArrayList<>());
      Map<String, Row> byFingerprint = new LinkedHashMap<>();
      for (Row row : rows) byFingerprint.put(row.fingerprint(), row);
      // check -> {found, matched T, F, D, U, new, stale, not checked}
      Map<String, int[]> counts = new TreeMap<>();
      Set<String> seen = new java.util.HashSet<>();
      for (Finding finding : outcome.findings()) {
        findingsTsv.append(String.join("\t", finding.project(), finding.module(), finding.check(),
            finding.fingerprint(), finding.path() + ":" + finding.line(), finding.where(),
            finding.message().replace('\t', ' ').replace('\n', ' '))).append('\n');
        seen.add(finding.fingerprint());
        int[] c = counts.computeIfAbsent(finding.check(), k -> new int[8]);
        c[0]++;
        Row row = byFingerprint.get(finding.fingerprint());
        if (row == null) {
          row = new Row();
          row.set("fingerprint", code(finding.fingerprint()));
          row.set("verdict", "UNREVIEWED");
          row.set("reason", "");
          row.set("sample", "");
          rows.add(row);
          byFingerprint.put(finding.fingerprint(), row);
          c[5]++;
        } else {
          switch (row.get("verdict")) {
            case "TRUE" -> c[1]++;
            case "FALSE" -> c[2]++;
            case "DEBATABLE" -> c[3]++;
            default -> c[4]++;
          }
        }
        row.set("module", finding.module());
        row.set("check", finding.check());
        row.set("location", code(finding.path() + ":" + finding.line()));
        row.set("where", code(finding.where()));
        row.set("flagged line", code(finding.lineText()));
        row.set("state", "current");
      }
      for (Row row : rows) {
        if (seen.contains(row.fingerprint())) continue;
        int[] c = counts.computeIfAbsent(row.get("check"), k -> new int[8]);
        if (outcome.analyzed(row.get("module"))) {
          if (!row.get("state").startsWith("stale")) row.set("state", "stale since " + today);
          c[6]++;
        } else if (row.get("state").equals("current")) {
          c[7]++; // its module was not analyzed this time: neither found nor gone
        }
      }
      sample(ledger.seed, outcome.name, rows);

      comparison.append("\n").append(outcome.name).append("\n");
      comparison.append(String.format("  %-30s %6s %6s %22s %6s %6s %11s%n", "check", "found",
          "known", "(TRUE/FALSE/DEB/UNREV)", "NEW", "stale", "not checked"));
      for (Map.Entry<String, int[]> e : counts.entrySet()) {
        int[] c = e.getValue();
        comparison.append(String.format("  %-30s %6d %6d %22s %6d %6d %11d%n", e.getKey(), c[0],
            c[1] + c[2] + c[3] + c[4], c[1] + "/" + c[2] + "/" + c[3] + "/" + c[4], c[5], c[6], c[7]));
      }
      if (counts.isEmpty()) comparison.append("  (no findings, no ledger rows)\n");
    }

    report.append(summary(outcomes, options, problems, ledger));
    System.out.println();
    System.out.println("== findings against the ledger (NEW: not in the ledger before, added as UNREVIEWED)");
    System.out.print(comparison);
    System.out.println();
    System.out.print(report);
    Files.writeString(runDir.resolve("findings.tsv"), findingsTsv, StandardCharsets.UTF_8);
    Files.writeString(runDir.resolve("summary.md"), report, StandardCharsets.UTF_8);
    if (!dryRun) {
      Files.writeString(ledgerPath, ledger.render(), StandardCharsets.UTF_8);
      Files.writeString(summaryPath, report, StandardCharsets.UTF_8);
      System.out.println("wrote " + ledgerPath + " and " + summaryPath);
    }
    System.out.println();
    System.out.println("== precision (from the ledger)");
    System.out.print(ledger.precisionTable());
    if (!problems.isEmpty()) {
      // Last, so that nobody misses them: a failed module is never a module without findings.
      System.out.println();
      System.out.println("== !! " + problems.size() + " PROBLEMS: projects or modules not analyzed, internal errors");
      problems.forEach(p -> System.out.println("  !! " + (p.length() > 600 ? p.substring(0, 600) + " ..." : p)));
    }
    return problems.stream().anyMatch(p -> !p.contains(": skipped: ")) ? 1 : 0;
  }

  /**
   * Marks which current rows of each check are sampled: all when there are at most 25; else the
   * rows that already have a verdict, then the rest by a hash of the seed and the fingerprint, up to
   * 25. Adding findings thus never unsamples a judged row, and the sample does not move between
   * runs unless findings come or go.
   */
  static void sample(String seed, String project, List<Row> rows) throws Exception {
    Map<String, List<Row>> byCheck = new TreeMap<>();
    for (Row row : rows) {
      if (row.get("state").equals("current")) byCheck.computeIfAbsent(row.get("check"), k -> new ArrayList<>()).add(row);
    }
    for (List<Row> current : byCheck.values()) {
      if (current.size() <= SAMPLE) {
        current.forEach(r -> r.set("sample", "yes"));
        continue;
      }
      List<Row> judged = new ArrayList<>();
      List<Row> rest = new ArrayList<>();
      for (Row row : current) (row.get("verdict").equals("UNREVIEWED") ? rest : judged).add(row);
      Map<Row, String> rank = new HashMap<>();
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Row row : rest) {
        rank.put(row, HexFormat.of().formatHex(sha.digest(
            (seed + ":" + project + ":" + row.fingerprint()).getBytes(StandardCharsets.UTF_8))));
      }
      rest.sort(Comparator.comparing(rank::get));
      int room = Math.max(0, SAMPLE - judged.size());
      judged.forEach(r -> r.set("sample", "yes"));
      for (int i = 0; i < rest.size(); i++) rest.get(i).set("sample", i < room ? "yes" : "no");
    }
  }

  static String summary(List<ProjectOutcome> outcomes, Map<String, List<String>> options,
      List<String> problems, LedgerFile ledger) {
    StringBuilder out = new StringBuilder();
    long elapsed = Long.parseLong(one(options, "--elapsed"));
    out.append("# oomguard field run: last run\n\n");
    out.append("Written by `field/run.sh` (see [README](README.md)); the verdicts are in [ledger.md](ledger.md).\n\n");
    out.append("- date: ").append(LocalDate.now()).append("\n");
    out.append("- oomguard commit: ").append(one(options, "--commit")).append("\n");
    out.append("- JDK: ").append(one(options, "--jdk")).append("; 2-core machine\n");
    out.append(String.format("- wall time of the whole run: %d min %02d s (install, fetching and compiling"
        + " included; cached sources and reactors make later runs shorter)%n", elapsed / 60, elapsed % 60));
    Set<String> checks = new TreeSet<>();
    for (ProjectOutcome o : outcomes) o.findings().forEach(f -> checks.add(f.check()));
    out.append("\n## Projects\n\n");
    out.append("| project | modules analyzed | files | lines | files left out | findings | time (s) |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|\n");
    int[] totals = new int[5];
    long totalLines = 0;
    for (ProjectOutcome o : outcomes) {
      if (!o.prepared) {
        out.append("| ").append(o.name).append(" | **not prepared** | | | | | ").append(o.seconds).append(" |\n");
        continue;
      }
      long analyzed = o.modules.stream().filter(m -> m.state.equals("ANALYZED")).count();
      int files = o.modules.stream().mapToInt(m -> m.files).sum();
      long lines = o.modules.stream().mapToLong(m -> m.lines).sum();
      int excluded = o.modules.stream().mapToInt(m -> m.excluded).sum();
      int findings = o.findings().size();
      String modules = analyzed + " / " + o.modules.size();
      out.append(String.format("| %s | %s | %d | %d | %d | %d | %d |%n", o.name,
          analyzed == o.modules.size() ? modules : "**" + modules + " (see Failures)**", files, lines,
          excluded, findings, o.seconds));
      totals[0] += analyzed;
      totals[1] += o.modules.size();
      totals[2] += files;
      totals[3] += excluded;
      totals[4] += findings;
      totalLines += lines;
    }
    out.append(String.format("| **all (%d projects)** | %d / %d | %d | %d | %d | %d | |%n",
        outcomes.size(), totals[0], totals[1], totals[2], totalLines, totals[3], totals[4]));

    out.append("\n## Findings per project and check\n\n");
    out.append("| project |");
    checks.forEach(c -> out.append(" ").append(c).append(" |"));
    out.append(" all |\n|---|").append("---:|".repeat(checks.size() + 1)).append("\n");
    for (ProjectOutcome o : outcomes) {
      if (!o.prepared) continue;
      out.append("| ").append(o.name).append(" |");
      for (String check : checks) {
        out.append(" ").append(o.findings().stream().filter(f -> f.check().equals(check)).count()).append(" |");
      }
      out.append(" ").append(o.findings().size()).append(" |\n");
    }

    out.append("\n## Modules\n\n");
    out.append("| project | module | outcome | files | lines | left out | findings | suppressed in source | cross-class index |\n");
    out.append("|---|---|---|---:|---:|---:|---:|---:|---|\n");
    for (ProjectOutcome o : outcomes) {
      for (ModuleOutcome m : o.modules) {
        out.append(String.format("| %s | %s | %s | %d | %d | %d | %d | %d | %s |%n", o.name, m.module,
            m.state.equals("ANALYZED") ? "analyzed" : "**" + m.state + "**", m.files, m.lines,
            m.excluded, m.findings.size(), m.suppressed,
            // Without its timings, which move from run to run and would fill the diff.
            m.index.replaceAll("; parse [0-9]+ ms, search [0-9]+ ms$", "").replace("|", "\\|")));
      }
    }

    out.append("\n## Failures and internal errors\n\n");
    if (problems.isEmpty()) {
      out.append("None: every module of every project was analyzed, and no check reported an internal error.\n");
    } else {
      for (String problem : problems) out.append("- ").append(problem.replace("\n", " ")).append("\n");
    }

    out.append("\n## Sources left out\n\n");
    out.append("Files that plain javac (the reactor's `mvn compile`) cannot compile on this JDK with the\n");
    out.append("published dependencies are left out, round by round, as bench/run.sh does; each with its first error.\n");
    boolean any = false;
    for (ProjectOutcome o : outcomes) {
      for (Map.Entry<String, List<String>> e : o.excludedReasons.entrySet()) {
        any = true;
        out.append("\n- ").append(o.name).append("/").append(e.getKey()).append(": ")
            .append(e.getValue().size()).append(" files\n");
        e.getValue().stream().limit(40).forEach(r -> out.append("  - `").append(r.replace("`", "'")).append("`\n"));
        if (e.getValue().size() > 40) out.append("  - ... ").append(e.getValue().size() - 40).append(" more\n");
      }
    }
    if (!any) out.append("\nNone.\n");
    return out.toString();
  }

  // ------------------------------------------------------------------ a small JSON reader

  static final class Json {
    private final String s;
    private int i;

    Json(String s) {
      this.s = s;
    }

    Object parse() {
      Object value = value();
      space();
      if (i != s.length()) throw error("trailing text");
      return value;
    }

    private Object value() {
      space();
      if (i >= s.length()) throw error("unexpected end");
      char c = s.charAt(i);
      switch (c) {
        case '{': {
          i++;
          Map<String, Object> map = new LinkedHashMap<>();
          space();
          if (peek('}')) return map;
          do {
            space();
            String key = string();
            space();
            expect(':');
            map.put(key, value());
            space();
          } while (consume(','));
          expect('}');
          return map;
        }
        case '[': {
          i++;
          List<Object> list = new ArrayList<>();
          space();
          if (peek(']')) return list;
          do {
            list.add(value());
            space();
          } while (consume(','));
          expect(']');
          return list;
        }
        case '"':
          return string();
        default:
          if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
          if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
          if (s.startsWith("null", i)) { i += 4; return null; }
          int start = i;
          while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
          if (start == i) throw error("unexpected '" + c + "'");
          return Double.parseDouble(s.substring(start, i));
      }
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        if (i >= s.length()) throw error("unterminated string");
        char c = s.charAt(i++);
        if (c == '"') return out.toString();
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> out.append(e);
        }
      }
    }

    private void space() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private boolean peek(char c) {
      if (i < s.length() && s.charAt(i) == c) {
        i++;
        return true;
      }
      return false;
    }

    private boolean consume(char c) {
      return peek(c);
    }

    private void expect(char c) {
      if (i >= s.length() || s.charAt(i) != c) throw error("expected '" + c + "'");
      i++;
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("bad JSON at " + i + ": " + what);
    }
  }
}
