package io.oomguard.checker.caches;

import static com.google.common.truth.Truth8.assertThat;

import org.junit.jupiter.api.Test;

/** {@link SpelKeys}: never-repeating calls in SpEL cache keys. */
final class SpelKeysTest {
  @Test
  void currentTimeInKey_found() {
    assertThat(SpelKeys.nonRepeatingPart("#id + '-' + T(System).currentTimeMillis()"))
        .hasValue("T(System).currentTimeMillis()");
    assertThat(SpelKeys.nonRepeatingPart("T( java.lang.System ).nanoTime()"))
        .hasValue("T( java.lang.System ).nanoTime()");
    assertThat(SpelKeys.nonRepeatingPart("#a + T(java.time.Instant).now()"))
        .hasValue("T(java.time.Instant).now()");
  }

  @Test
  void randomUuidDateAndObject_found() {
    assertThat(SpelKeys.nonRepeatingPart("T(java.util.UUID).randomUUID().toString()"))
        .hasValue("T(java.util.UUID).randomUUID()");
    assertThat(SpelKeys.nonRepeatingPart("#root.methodName + new java.util.Date()"))
        .hasValue("new java.util.Date()");
    assertThat(SpelKeys.nonRepeatingPart("new Object()")).hasValue("new Object()");
    assertThat(SpelKeys.nonRepeatingPart("T(Math).random()")).hasValue("T(Math).random()");
    assertThat(
            SpelKeys.nonRepeatingPart(
                "T(java.util.concurrent.ThreadLocalRandom).current().nextLong()"))
        .isPresent();
  }

  @Test
  void bucketedTime_notFound() {
    assertThat(SpelKeys.nonRepeatingPart("#id + (T(System).currentTimeMillis() / 60000)"))
        .isEmpty();
    assertThat(SpelKeys.nonRepeatingPart("T(System).currentTimeMillis() div 1000")).isEmpty();
    assertThat(
            SpelKeys.nonRepeatingPart(
                "T(java.time.LocalDateTime).now().truncatedTo(T(java.time.temporal.ChronoUnit).HOURS)"))
        .isEmpty();
    assertThat(SpelKeys.nonRepeatingPart("T(java.time.LocalDateTime).now().getHour()")).isEmpty();
  }

  @Test
  void stableKeys_notFound() {
    assertThat(SpelKeys.nonRepeatingPart("#id")).isEmpty();
    assertThat(SpelKeys.nonRepeatingPart("#user.id + ':' + #page")).isEmpty();
    assertThat(SpelKeys.nonRepeatingPart("T(java.time.LocalDate).now()")).isEmpty();
  }
}
