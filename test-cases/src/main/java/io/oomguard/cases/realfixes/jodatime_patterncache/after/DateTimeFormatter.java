package io.oomguard.cases.realfixes.jodatime_patterncache.after;

import java.time.Instant;
import java.time.ZoneOffset;

/** An immutable, thread-safe formatter. */
public class DateTimeFormatter {
  private final java.time.format.DateTimeFormatter printer;

  DateTimeFormatter(String javaPattern) {
    this.printer = java.time.format.DateTimeFormatter.ofPattern(javaPattern);
  }

  public String print(long instant) {
    return printer.format(Instant.ofEpochMilli(instant).atOffset(ZoneOffset.UTC));
  }
}
