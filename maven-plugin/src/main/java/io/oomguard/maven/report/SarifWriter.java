package io.oomguard.maven.report;

import com.google.gson.stream.JsonWriter;
import io.oomguard.maven.Assessment;
import io.oomguard.maven.CheckInfo;
import io.oomguard.maven.Finding;
import io.oomguard.maven.Severity;
import io.oomguard.maven.baseline.FindingIdentity;
import io.oomguard.maven.fork.FixSuggestion;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes a check run as SARIF 2.1.0 that GitHub code scanning accepts: rule metadata for every
 * check, one result per finding with a region and a URI relative to the top-level project ({@code
 * %SRCROOT%}), a line-independent {@code partialFingerprints} entry, the suggested fix as {@code
 * fixes}, {@code suppressions} for findings suppressed in source and {@code baselineState} when a
 * baseline was used.
 */
public final class SarifWriter {
  /** The published schema of the format written here. */
  public static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /** The {@code partialFingerprints} key: our own identity, stable when lines move. */
  public static final String FINGERPRINT = "oomguardIdentity/v1";

  private static final String SRCROOT = "%SRCROOT%";

  private final String toolVersion;
  private final Path rootDir;
  private final String module;
  private final List<CheckInfo> rules;
  private final Map<String, Severity> enabled;

  /**
   * @param toolVersion this plugin's version
   * @param rootDir the top-level project directory that result URIs are relative to
   * @param module a name for the analyzed module, unique in the project (its artifactId); it keys
   *     the run's {@code automationDetails} so that several modules can be uploaded side by side
   * @param rules every check in the catalogue
   * @param enabled the enabled checks and their effective severity
   */
  public SarifWriter(
      String toolVersion,
      Path rootDir,
      String module,
      List<CheckInfo> rules,
      Map<String, Severity> enabled) {
    this.toolVersion = toolVersion;
    this.rootDir = rootDir.toAbsolutePath().normalize();
    this.module = module;
    this.rules = List.copyOf(rules);
    this.enabled = Map.copyOf(enabled);
  }

  /** Writes {@code assessment} to {@code file}, creating its directory. */
  public void write(Assessment assessment, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(assessment, out);
    }
  }

  /**
   * Writes the report of a run that could not analyze: no results, {@code executionSuccessful}
   * false, and the reason as a tool execution notification.
   */
  public void writeFailure(String reason, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      writeFailure(reason, out);
    }
  }

  /** Writes the report of a run that could not analyze to {@code out}. */
  public void writeFailure(String reason, Writer out) throws IOException {
    write(null, reason, out);
  }

  /** Writes {@code assessment} as a SARIF log to {@code out}. */
  public void write(Assessment assessment, Writer out) throws IOException {
    write(assessment, null, out);
  }

  private void write(Assessment assessment, String failure, Writer out) throws IOException {
    JsonWriter json = new JsonWriter(out);
    json.setIndent("  ");
    json.setHtmlSafe(false);
    json.beginObject();
    json.name("$schema").value(SCHEMA);
    json.name("version").value("2.1.0");
    json.name("runs").beginArray();
    json.beginObject();
    writeTool(json);
    json.name("automationDetails").beginObject().name("id").value("oomguard/" + module + "/");
    json.endObject();
    json.name("originalUriBaseIds").beginObject();
    json.name(SRCROOT).beginObject().name("uri").value(directoryUri(rootDir)).endObject();
    json.endObject();
    json.name("columnKind").value("utf16CodeUnits");
    json.name("invocations").beginArray().beginObject();
    json.name("executionSuccessful").value(failure == null);
    if (failure != null) {
      json.name("toolExecutionNotifications").beginArray().beginObject();
      json.name("level").value("error");
      json.name("message").beginObject().name("text").value(failure).endObject();
      json.endObject().endArray();
    }
    json.endObject().endArray();
    // No results at all for a failed run: SARIF reads an empty array as "ran and found nothing".
    if (failure == null) {
      writeResults(json, assessment);
      if (!assessment.stale().isEmpty()) {
        writeStale(json, assessment.stale());
      }
    }
    json.endObject();
    json.endArray();
    json.endObject();
    json.flush();
  }

  private void writeTool(JsonWriter json) throws IOException {
    json.name("tool").beginObject().name("driver").beginObject();
    json.name("name").value("oomguard");
    json.name("version").value(toolVersion);
    json.name("informationUri").value("https://github.com/oomguard/oomguard");
    json.name("rules").beginArray();
    for (CheckInfo rule : rules) {
      Severity level = enabled.get(rule.name());
      json.beginObject();
      json.name("id").value(rule.name());
      json.name("name").value(rule.name());
      json.name("shortDescription").beginObject().name("text").value(rule.summary()).endObject();
      String full = rule.explanation().isBlank() ? rule.summary() : rule.explanation();
      json.name("fullDescription").beginObject().name("text").value(full).endObject();
      json.name("help").beginObject();
      json.name("text").value(rule.summary() + "\n\nSee " + rule.link());
      json.name("markdown")
          .value(rule.summary() + "\n\nSee [" + rule.name() + "](" + rule.link() + ").");
      json.endObject();
      json.name("helpUri").value(rule.link());
      json.name("defaultConfiguration").beginObject();
      json.name("enabled").value(level != null);
      json.name("level").value(level == null ? "none" : level.sarifLevel());
      json.endObject();
      json.name("properties").beginObject();
      json.name("tags").beginArray().value("reliability").value("memory").endArray();
      json.endObject();
      json.endObject();
    }
    json.endArray();
    json.endObject().endObject();
  }

  private void writeResults(JsonWriter json, Assessment assessment) throws IOException {
    Map<String, Integer> ruleIndex = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      ruleIndex.put(rules.get(i).name(), i);
    }
    Map<FindingIdentity, Integer> occurrences = new HashMap<>();
    json.name("results").beginArray();
    for (Assessment.Assessed assessed : assessment.findings()) {
      Finding finding = assessed.finding();
      FindingIdentity identity = FindingIdentity.of(finding);
      int occurrence = occurrences.merge(identity, 1, Integer::sum);
      json.beginObject();
      json.name("ruleId").value(finding.check());
      Integer index = ruleIndex.get(finding.check());
      if (index != null) {
        json.name("ruleIndex").value(index);
      }
      json.name("level").value(finding.severity().sarifLevel());
      json.name("message").beginObject().name("text").value(finding.message()).endObject();
      writeLocation(json, finding);
      if (finding.fix() != null && !finding.fix().edits().isEmpty()) {
        writeFix(json, finding);
      }
      json.name("partialFingerprints").beginObject();
      json.name(FINGERPRINT).value(fingerprint(identity, occurrence));
      json.endObject();
      if (assessed.state() == Assessment.State.SUPPRESSED) {
        json.name("suppressions").beginArray().beginObject();
        json.name("kind").value("inSource");
        json.name("status").value("accepted");
        String justification = finding.suppression().justification();
        json.name("justification")
            .value(
                justification.isEmpty()
                    ? "suppressed by " + finding.suppression().annotation()
                    : justification);
        json.endObject().endArray();
      } else if (assessment.baselineUsed()) {
        json.name("baselineState")
            .value(assessed.state() == Assessment.State.BASELINED ? "unchanged" : "new");
      }
      json.endObject();
    }
    json.endArray();
  }

  private void writeLocation(JsonWriter json, Finding finding) throws IOException {
    json.name("locations").beginArray().beginObject();
    json.name("physicalLocation").beginObject();
    writeArtifactLocation(json, finding);
    json.name("region").beginObject();
    json.name("startLine").value(finding.line());
    json.name("startColumn").value(finding.column());
    if (finding.endLine() >= finding.line()) {
      json.name("endLine").value(finding.endLine());
      if (finding.endLine() > finding.line() || finding.endColumn() > finding.column()) {
        json.name("endColumn").value(finding.endColumn());
      }
    }
    json.endObject();
    json.endObject();
    if (!finding.enclosingClass().isEmpty()) {
      json.name("logicalLocations").beginArray().beginObject();
      boolean method = finding.enclosingMember().contains("(");
      json.name("fullyQualifiedName")
          .value(
              finding.enclosingMember().isEmpty()
                  ? finding.enclosingClass()
                  : finding.enclosingClass() + "." + finding.enclosingMember());
      json.name("kind")
          .value(finding.enclosingMember().isEmpty() ? "type" : method ? "function" : "member");
      json.endObject().endArray();
    }
    json.endObject().endArray();
  }

  /** The suggested fix as a SARIF {@code fix}: one artifact change, its edits as replacements. */
  private void writeFix(JsonWriter json, Finding finding) throws IOException {
    json.name("fixes").beginArray().beginObject();
    json.name("description")
        .beginObject()
        .name("text")
        .value("oomguard's suggested fix for " + finding.check())
        .endObject();
    json.name("artifactChanges").beginArray().beginObject();
    writeArtifactLocation(json, finding);
    json.name("replacements").beginArray();
    for (FixSuggestion.Edit edit : finding.fix().edits()) {
      json.beginObject();
      json.name("deletedRegion").beginObject();
      json.name("startLine").value(edit.startLine());
      json.name("startColumn").value(edit.startColumn());
      json.name("endLine").value(edit.endLine());
      json.name("endColumn").value(edit.endColumn());
      json.endObject();
      if (!edit.text().isEmpty()) {
        json.name("insertedContent").beginObject().name("text").value(edit.text()).endObject();
      }
      json.endObject();
    }
    json.endArray();
    json.endObject().endArray();
    json.endObject().endArray();
  }

  private void writeArtifactLocation(JsonWriter json, Finding finding) throws IOException {
    json.name("artifactLocation").beginObject();
    Path path = Paths.get(finding.path());
    if (path.isAbsolute()) {
      json.name("uri").value(path.toUri().toString());
    } else {
      json.name("uri").value(relativeUri(finding.path()));
      json.name("uriBaseId").value(SRCROOT);
    }
    json.endObject();
  }

  private void writeStale(JsonWriter json, List<Assessment.Stale> stale) throws IOException {
    json.name("properties").beginObject().name("staleBaselineEntries").beginArray();
    for (Assessment.Stale entry : stale) {
      FindingIdentity identity = entry.identity();
      json.beginObject();
      json.name("check").value(identity.check());
      json.name("path").value(identity.path());
      json.name("class").value(identity.enclosingClass());
      json.name("member").value(identity.enclosingMember());
      json.name("line").value(identity.lineText());
      json.name("count").value(entry.count());
      json.endObject();
    }
    json.endArray().endObject();
  }

  /**
   * A relative path as an RFC 3986 URI reference: each segment percent-encoded (non-ASCII
   * characters as UTF-8), {@code /} kept.
   */
  static String relativeUri(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      try {
        segments.add(new URI(null, null, segment, null).toASCIIString().replace(":", "%3A"));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("Cannot express " + path + " as a URI", e);
      }
    }
    return String.join("/", segments);
  }

  private static String directoryUri(Path directory) {
    String uri = directory.toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  /** A stable hash of the identity and which occurrence of it this is. */
  static String fingerprint(FindingIdentity identity, int occurrence) {
    String key =
        String.join(
            "\u0000",
            identity.check(),
            identity.path(),
            identity.enclosingClass(),
            identity.enclosingMember(),
            identity.lineText(),
            Integer.toString(occurrence));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
