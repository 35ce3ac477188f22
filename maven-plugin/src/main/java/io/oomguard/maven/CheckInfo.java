package io.oomguard.maven;

import java.util.List;

/**
 * What the plugin knows about one oomguard check: the catalogue entry that rules in reports and the
 * {@code checks} parameter refer to.
 *
 * @param name the public check name, as written in {@code @SuppressWarnings}
 * @param defaultSeverity the severity the check reports at unless overridden
 * @param summary one line saying what the check flags
 * @param explanation a longer description; may be empty
 * @param link the check's documentation page
 * @param suppressionAnnotations fully qualified names of the annotations that suppress it
 */
public record CheckInfo(
    String name,
    Severity defaultSeverity,
    String summary,
    String explanation,
    String link,
    List<String> suppressionAnnotations) {

  public CheckInfo {
    suppressionAnnotations = List.copyOf(suppressionAnnotations);
  }
}
