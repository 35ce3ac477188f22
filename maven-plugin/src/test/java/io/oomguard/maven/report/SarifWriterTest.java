package io.oomguard.maven.report;

import static com.google.common.truth.Truth.assertThat;
import static io.oomguard.maven.TestFindings.catalogue;
import static io.oomguard.maven.TestFindings.finding;
import static io.oomguard.maven.TestFindings.movedTo;
import static io.oomguard.maven.TestFindings.suppressed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.oomguard.maven.Assessment;
import io.oomguard.maven.CheckSelection;
import io.oomguard.maven.Finding;
import io.oomguard.maven.Severity;
import io.oomguard.maven.baseline.Baseline;
import io.oomguard.maven.baseline.BaselineMatcher;
import io.oomguard.maven.fork.FixSuggestion;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SARIF report, validated against the official OASIS SARIF 2.1.0 JSON schema. The schema file
 * comes from a Maven Central artifact that ships it unchanged ({@code
 * io.github.detekt.sarif4j:sarif4j:1.0.0}, {@code json/sarif-schema-2.1.0.json}; the schema is (c)
 * OASIS Open, published at docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas).
 */
final class SarifWriterTest {
  private static final Path ROOT = Paths.get("/work/shop").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in =
        SarifWriterTest.class.getResourceAsStream("/json/sarif-schema-2.1.0.json")) {
      assertThat(in).isNotNull();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
    }
  }

  @Test
  void newFindings_validSarifWithRulesRegionsAndRelativeUris() throws Exception {
    Finding finding =
        finding("GrowsForever", Severity.ERROR, "orders/src/main/java/Orders.java", 12);

    JsonNode run = write(BaselineMatcher.assess(List.of(finding), null)).get("runs").get(0);

    JsonNode rule = run.at("/tool/driver/rules/0");
    assertThat(rule.get("id").asText()).isEqualTo("GrowsForever");
    assertThat(rule.at("/shortDescription/text").asText()).isEqualTo("A map that only grows");
    assertThat(rule.at("/fullDescription/text").asText()).isEqualTo("A map that only grows");
    assertThat(rule.at("/help/text").asText()).contains("https://example.org/docs/GrowsForever.md");
    assertThat(rule.get("helpUri").asText()).isEqualTo("https://example.org/docs/GrowsForever.md");
    assertThat(run.at("/tool/driver/rules/1/fullDescription/text").asText())
        .isEqualTo("Buffers double as they grow.");

    JsonNode result = run.at("/results/0");
    assertThat(result.get("ruleId").asText()).isEqualTo("GrowsForever");
    assertThat(result.get("ruleIndex").asInt()).isEqualTo(0);
    assertThat(result.get("level").asText()).isEqualTo("error");
    JsonNode location = result.at("/locations/0/physicalLocation");
    assertThat(location.at("/artifactLocation/uri").asText())
        .isEqualTo("orders/src/main/java/Orders.java");
    assertThat(location.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(location.at("/region/startLine").asInt()).isEqualTo(12);
    assertThat(location.at("/region/startColumn").asInt()).isEqualTo(5);
    assertThat(location.at("/region/endColumn").asInt()).isEqualTo(17);
    assertThat(result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
        .isEqualTo("Orders.find(String)");
    assertThat(result.has("baselineState")).isFalse();
    assertThat(result.has("suppressions")).isFalse();
    assertThat(run.at("/originalUriBaseIds/%SRCROOT%/uri").asText())
        .isEqualTo("file:///work/shop/");
    assertThat(run.at("/automationDetails/id").asText()).isEqualTo("oomguard/orders/");
  }

  @Test
  void suppressedFinding_carriesAnInSourceSuppressionWithTheReason() throws Exception {
    Finding finding =
        suppressed(
            finding("GrowsForever", Severity.ERROR, "src/Orders.java", 3),
            "@OomSafe",
            "at most 12 regions");

    JsonNode result = write(BaselineMatcher.assess(List.of(finding), null)).at("/runs/0/results/0");

    assertThat(result.at("/suppressions/0/kind").asText()).isEqualTo("inSource");
    assertThat(result.at("/suppressions/0/justification").asText()).isEqualTo("at most 12 regions");
  }

  @Test
  void withBaseline_resultsCarryBaselineStateAndStaleEntriesAreListed() throws Exception {
    Finding adopted = finding("GrowsForever", Severity.ERROR, "src/Orders.java", 3);
    Finding gone = finding("BigBuffer", Severity.WARNING, "src/Orders.java", 9);
    Finding fresh = finding("GrowsForever", Severity.ERROR, "src/Quotes.java", 4);
    Baseline baseline = Baseline.of(List.of(adopted, gone));

    JsonNode run =
        write(BaselineMatcher.assess(List.of(movedTo(adopted, 30), fresh), baseline)).at("/runs/0");

    assertThat(run.at("/results/0/baselineState").asText()).isEqualTo("unchanged");
    assertThat(run.at("/results/1/baselineState").asText()).isEqualTo("new");
    assertThat(run.at("/properties/staleBaselineEntries/0/check").asText()).isEqualTo("BigBuffer");
  }

  @Test
  void fingerprint_survivesLineMovesAndTellsRepeatsApart() throws Exception {
    Finding first = finding("GrowsForever", Severity.ERROR, "src/Orders.java", 3);
    Finding repeat = finding("GrowsForever", Severity.ERROR, "src/Orders.java", 7);

    JsonNode before = write(BaselineMatcher.assess(List.of(first, repeat), null));
    JsonNode after =
        write(BaselineMatcher.assess(List.of(movedTo(first, 13), movedTo(repeat, 17)), null));

    assertThat(fingerprint(before, 0)).matches("[0-9a-f]{32}");
    assertThat(fingerprint(before, 0)).isEqualTo(fingerprint(after, 0));
    assertThat(fingerprint(before, 1)).isEqualTo(fingerprint(after, 1));
    assertThat(fingerprint(before, 0)).isNotEqualTo(fingerprint(before, 1));
  }

  private static String fingerprint(JsonNode sarif, int result) {
    return sarif
        .at("/runs/0/results/" + result + "/partialFingerprints")
        .get(SarifWriter.FINGERPRINT)
        .asText();
  }

  @Test
  void awkwardPaths_becomeValidUris() throws Exception {
    Finding spaced = finding("BigBuffer", Severity.WARNING, "my module/src/Ünïcode #1.java", 1);
    Finding outside =
        finding("BigBuffer", Severity.WARNING, Paths.get("/elsewhere/Gen.java").toString(), 1);

    JsonNode results =
        write(BaselineMatcher.assess(List.of(spaced, outside), null)).at("/runs/0/results");

    assertThat(results.at("/0/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("my%20module/src/%C3%9Cn%C3%AFcode%20%231.java");
    assertThat(results.at("/1/locations/0/physicalLocation/artifactLocation/uri").asText())
        .startsWith("file:///");
    assertThat(results.at("/1/locations/0/physicalLocation/artifactLocation").has("uriBaseId"))
        .isFalse();
  }

  @Test
  void disabledCheck_listedAsDisabledRule() throws Exception {
    JsonNode rules =
        write(BaselineMatcher.assess(List.of(), null), Map.of("GrowsForever", "OFF"))
            .at("/runs/0/tool/driver/rules");

    assertThat(rules.at("/0/defaultConfiguration/enabled").asBoolean()).isFalse();
    assertThat(rules.at("/1/defaultConfiguration/level").asText()).isEqualTo("warning");
  }

  @Test
  void suggestedFix_validSarifFixWithEveryEditAsAReplacement() throws Exception {
    Finding plain = finding("GrowsForever", Severity.ERROR, "orders/src/Orders.java", 12);
    Finding withFix =
        new Finding(
            plain.check(),
            plain.severity(),
            plain.path(),
            plain.line(),
            plain.column(),
            plain.endLine(),
            plain.endColumn(),
            plain.message(),
            plain.link(),
            plain.enclosingClass(),
            plain.enclosingMember(),
            plain.lineText(),
            null,
            new FixSuggestion(
                List.of(
                    new FixSuggestion.Edit(12, 5, 12, 17, "new Pool(4)"),
                    new FixSuggestion.Edit(40, 2, 40, 2, "\n  private static final int N = 1;\n")),
                List.of("line 12:", "- old", "+ new")));

    JsonNode fix =
        write(BaselineMatcher.assess(List.of(withFix), null)).at("/runs/0/results/0/fixes/0");

    JsonNode change = fix.at("/artifactChanges/0");
    assertThat(change.at("/artifactLocation/uri").asText()).isEqualTo("orders/src/Orders.java");
    assertThat(change.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(change.at("/replacements/0/deletedRegion/startColumn").asInt()).isEqualTo(5);
    assertThat(change.at("/replacements/0/deletedRegion/endColumn").asInt()).isEqualTo(17);
    assertThat(change.at("/replacements/0/insertedContent/text").asText()).isEqualTo("new Pool(4)");
    assertThat(change.at("/replacements/1/deletedRegion/startLine").asInt()).isEqualTo(40);
    assertThat(change.at("/replacements/1/insertedContent/text").asText())
        .contains("private static final int N = 1;");
    assertThat(fix.at("/description/text").asText()).contains("GrowsForever");
  }

  @Test
  void findingWithoutFix_hasNoFixes() throws Exception {
    Finding plain = finding("GrowsForever", Severity.ERROR, "orders/src/Orders.java", 12);

    assertThat(
            write(BaselineMatcher.assess(List.of(plain), null))
                .at("/runs/0/results/0")
                .has("fixes"))
        .isFalse();
  }

  @Test
  void failedRun_validSarifThatSaysItFailedWhyAndHasNoResults() throws Exception {
    StringWriter out = new StringWriter();
    new SarifWriter(
            "1.2.3",
            ROOT,
            "orders",
            new ArrayList<>(catalogue().all()),
            CheckSelection.resolve(catalogue(), Map.of()).enabled())
        .writeFailure("oomguard cannot analyze orders: its sources do not compile", out);
    JsonNode sarif = JSON.readTree(out.toString());

    assertThat(schema.validate(sarif)).isEmpty();
    JsonNode invocation = sarif.at("/runs/0/invocations/0");
    assertThat(invocation.get("executionSuccessful").asBoolean()).isFalse();
    assertThat(invocation.at("/toolExecutionNotifications/0/level").asText()).isEqualTo("error");
    assertThat(invocation.at("/toolExecutionNotifications/0/message/text").asText())
        .contains("do not compile");
    assertThat(sarif.at("/runs/0").has("results")).isFalse(); // "no results", not "none found"
  }

  private static JsonNode write(Assessment assessment) throws Exception {
    return write(assessment, Map.of());
  }

  /** Writes the report, asserts that it is valid SARIF 2.1.0, and returns it parsed. */
  private static JsonNode write(Assessment assessment, Map<String, String> overrides)
      throws Exception {
    StringWriter out = new StringWriter();
    new SarifWriter(
            "1.2.3",
            ROOT,
            "orders",
            new ArrayList<>(catalogue().all()),
            CheckSelection.resolve(catalogue(), overrides).enabled())
        .write(assessment, out);
    JsonNode sarif = JSON.readTree(out.toString());
    Set<ValidationMessage> errors = schema.validate(sarif);
    assertThat(errors).isEmpty();
    return sarif;
  }
}
