package io.oomguard.maven;

import static com.google.common.truth.Truth.assertThat;
import static io.oomguard.maven.TestFindings.catalogue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class CheckSelectionTest {
  @Test
  void noOverrides_everyCheckAtItsDefaultSeverity() {
    CheckSelection selection = CheckSelection.resolve(catalogue(), Map.of());

    assertThat(selection.enabled())
        .containsExactly("GrowsForever", Severity.ERROR, "BigBuffer", Severity.WARNING)
        .inOrder();
  }

  @Test
  void overrides_changeSeverityAndOffDisables_caseInsensitively() {
    CheckSelection selection =
        CheckSelection.resolve(catalogue(), Map.of("GrowsForever", "warning", "BigBuffer", "Off"));

    assertThat(selection.enabled()).containsExactly("GrowsForever", Severity.WARNING);
  }

  @Test
  void unknownCheckName_failsListingTheValidNames() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CheckSelection.resolve(catalogue(), Map.of("GrowForever", "OFF")));

    assertThat(e)
        .hasMessageThat()
        .isEqualTo(
            "Unknown check 'GrowForever' in <checks>. Valid check names: GrowsForever, BigBuffer."
                + " Names are case-sensitive.");
  }

  @Test
  void badLevel_failsListingTheValidLevels() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CheckSelection.resolve(catalogue(), Map.of("BigBuffer", "INFO")));

    assertThat(e).hasMessageThat().contains("Valid values: ERROR, WARNING (or WARN), OFF.");
  }

  @Test
  void errorProneSpellingWarn_isWarning() {
    CheckSelection selection = CheckSelection.resolve(catalogue(), Map.of("GrowsForever", "warn"));

    assertThat(selection.enabled()).containsEntry("GrowsForever", Severity.WARNING);
    assertThat(Severity.parse("WARN", "failOnSeverity")).isEqualTo(Severity.WARNING);
  }

  @Test
  void badEntryOnTheCommandLine_blamesTheCommandLineNotThePom() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CheckSelection.resolve(
                    catalogue(), Map.of("BigBuffer", "ERROR"), Map.of("Foo", "OFF")));

    assertThat(e).hasMessageThat().startsWith("Unknown check 'Foo' in -Doomguard.checks.");
  }

  @Test
  void commandLine_winsOverThePom() {
    CheckSelection selection =
        CheckSelection.resolve(
            catalogue(), Map.of("BigBuffer", "ERROR"), Map.of("BigBuffer", "OFF"));

    assertThat(selection.enabled()).doesNotContainKey("BigBuffer");
  }

  @Test
  void userProperty_parsedAsNameLevelPairs() {
    assertThat(CheckSelection.parseProperty(" GrowsForever:OFF, BigBuffer : ERROR ,"))
        .containsExactly("GrowsForever", "OFF", "BigBuffer", "ERROR")
        .inOrder();
    assertThat(CheckSelection.parseProperty(null)).isEmpty();
  }

  @Test
  void userPropertyWithoutLevel_failsWithTheExpectedForm() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> CheckSelection.parseProperty("GrowsForever"));

    assertThat(e).hasMessageThat().contains("-Doomguard.checks=UnboundedCache:OFF");
  }

  @Test
  void severity_parseListsValidValuesAndOrdersErrorAboveWarning() {
    assertThat(Severity.parse(" error ", "failOnSeverity")).isEqualTo(Severity.ERROR);
    assertThat(Severity.ERROR.atLeast(Severity.WARNING)).isTrue();
    assertThat(Severity.WARNING.atLeast(Severity.ERROR)).isFalse();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Severity.parse("FATAL", "failOnSeverity"));
    assertThat(e)
        .hasMessageThat()
        .isEqualTo("Bad value 'FATAL' for failOnSeverity. Valid values: ERROR, WARNING (or WARN).");
  }

  @Test
  void realCatalogue_listsTheCheckerChecksWithTheirDocs() {
    Catalogue real = Catalogue.load();

    assertThat(real.names()).contains("OomSafeWithoutReason");
    CheckInfo check = real.find("OomSafeWithoutReason").orElseThrow();
    assertThat(check.defaultSeverity()).isEqualTo(Severity.ERROR);
    assertThat(check.link()).endsWith("/docs/checks/OomSafeWithoutReason.md");
    assertThat(check.suppressionAnnotations()).containsExactly("java.lang.SuppressWarnings");
  }
}
