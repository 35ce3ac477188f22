package io.oomguard.checker.config;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableMap;
import com.google.errorprone.ErrorProneFlags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class OomGuardFlagsTest {
  private static OomGuardFlags parse(String key, String value) {
    return OomGuardFlags.from(ErrorProneFlags.fromMap(ImmutableMap.of(key, value)));
  }

  @Test
  void noFlags_noExtraEntryPointAnnotations() {
    assertThat(OomGuardFlags.from(ErrorProneFlags.empty()).hotPathAnnotations()).isEmpty();
    assertThat(OomGuardFlags.defaults().hotPathAnnotations()).isEmpty();
  }

  @Test
  void hotPathAnnotations_commaSeparatedAndTrimmed() {
    OomGuardFlags flags =
        parse("OomGuard:HotPathAnnotations", "com.acme.Handler, com.acme.jobs.PerItem ,");
    assertThat(flags.hotPathAnnotations())
        .containsExactly("com.acme.Handler", "com.acme.jobs.PerItem")
        .inOrder();
  }

  @Test
  void hotPathAnnotations_withAtSign_rejectedWithExample() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> parse("OomGuard:HotPathAnnotations", "@com.acme.Handler"));
    assertThat(e).hasMessageThat().contains("'@com.acme.Handler' is not a fully qualified");
    assertThat(e).hasMessageThat().contains("-XepOpt:OomGuard:HotPathAnnotations=com.example");
  }

  @Test
  void hotPathAnnotations_simpleName_rejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> parse("OomGuard:HotPathAnnotations", "Handler"));
    assertThat(e).hasMessageThat().contains("'Handler'");
  }

  @Test
  void unknownOomGuardFlag_rejectedListingKnownOnes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> parse("OomGuard:HotPathAnotations", "com.acme.Handler"));
    assertThat(e)
        .hasMessageThat()
        .contains("Unknown oomguard flag -XepOpt:OomGuard:HotPathAnotations");
    assertThat(e).hasMessageThat().contains("-XepOpt:OomGuard:HotPathAnnotations");
  }

  @Test
  void hotMethodsFile_missingFile_rejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> parse("OomGuard:HotMethodsFile", "/no/such/index.tsv"));
    assertThat(e).hasMessageThat().contains("'/no/such/index.tsv' is not a file");
  }

  @Test
  void hotMethodsFile_existingFile_read(@TempDir Path dir) throws IOException {
    Path index = Files.createFile(dir.resolve("index.tsv"));
    assertThat(parse("OomGuard:HotMethodsFile", index.toString()).hotMethodsFile()).hasValue(index);
    assertThat(OomGuardFlags.defaults().hotMethodsFile()).isEmpty();
  }

  @Test
  void otherToolsFlags_ignored() {
    assertThat(parse("NullAway:AnnotatedPackages", "com.acme").hotPathAnnotations()).isEmpty();
  }
}
