package io.oomguard.cases.realfixes.jodatime_patterncache.after;

import java.util.ArrayList;
import java.util.List;

/** Collects the printer parts of a formatter. */
public class DateTimeFormatterBuilder {
  private final List<String> parts = new ArrayList<>();

  public DateTimeFormatterBuilder appendField(String letters) {
    parts.add(letters);
    return this;
  }

  public DateTimeFormatterBuilder appendLiteral(String text) {
    parts.add("'" + text.replace("'", "''") + "'");
    return this;
  }

  public DateTimeFormatter toFormatter() {
    return new DateTimeFormatter(String.join("", parts));
  }
}
