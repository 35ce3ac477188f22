package io.oomguard.checker.caches;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** {@link TimeFormats}: which patterns keep the time down to the second. */
final class TimeFormatsTest {
  @Test
  void patternsWithSecondsOrFiner_keepTheTime() {
    assertThat(TimeFormats.hasSecondsOrFiner("yyyyMMddHHmmss")).isTrue();
    assertThat(TimeFormats.hasSecondsOrFiner("HH:mm:ss.SSS")).isTrue();
    assertThat(TimeFormats.hasSecondsOrFiner("HH:mm n")).isTrue();
  }

  @Test
  void dateHourAndMinutePatterns_bucketTheTime() {
    assertThat(TimeFormats.hasSecondsOrFiner("yyyy-MM-dd")).isFalse();
    assertThat(TimeFormats.hasSecondsOrFiner("yyyyMMdd-HH")).isFalse();
    assertThat(TimeFormats.hasSecondsOrFiner("HH:mm")).isFalse();
    assertThat(TimeFormats.hasSecondsOrFiner("yyyy-MM-dd 'at noon, sharp'")).isFalse();
  }
}
