package io.oomguard.maven;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which checks run and at which severity: the catalogue's defaults with the {@code checks}
 * parameter's overrides applied ({@code ERROR}, {@code WARNING} or {@code OFF} per check name).
 */
public final class CheckSelection {
  private static final String OFF = "OFF";

  private final Map<String, Severity> enabled;

  private CheckSelection(Map<String, Severity> enabled) {
    this.enabled = Collections.unmodifiableMap(enabled);
  }

  /**
   * Applies {@code overrides} (check name to {@code ERROR|WARNING|OFF}, case-insensitive values) to
   * the catalogue's defaults.
   *
   * @throws IllegalArgumentException for an unknown check name or a bad value, listing the valid
   *     ones
   */
  public static CheckSelection resolve(Catalogue catalogue, Map<String, String> overrides) {
    return resolve(catalogue, overrides, Map.of());
  }

  /**
   * Applies the POM's {@code <checks>} and then the {@code -Doomguard.checks} property's overrides,
   * which win; an error names the one it comes from.
   */
  public static CheckSelection resolve(
      Catalogue catalogue, Map<String, String> pom, Map<String, String> property) {
    Map<String, Severity> enabled = new LinkedHashMap<>();
    for (CheckInfo check : catalogue.all()) {
      enabled.put(check.name(), check.defaultSeverity());
    }
    apply(catalogue, pom, "<checks>", enabled);
    apply(catalogue, property, "-Doomguard.checks", enabled);
    return new CheckSelection(enabled);
  }

  private static void apply(
      Catalogue catalogue,
      Map<String, String> overrides,
      String source,
      Map<String, Severity> enabled) {
    for (Map.Entry<String, String> override : overrides.entrySet()) {
      String name = override.getKey() == null ? "" : override.getKey().trim();
      if (catalogue.find(name).isEmpty()) {
        throw new IllegalArgumentException(
            "Unknown check '"
                + name
                + "' in "
                + source
                + ". Valid check names: "
                + String.join(", ", catalogue.names())
                + ". Names are case-sensitive.");
      }
      String value =
          override.getValue() == null ? "" : override.getValue().trim().toUpperCase(Locale.ROOT);
      if (value.equals(OFF)) {
        enabled.remove(name);
        continue;
      }
      try {
        enabled.put(name, Severity.parse(value, name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Bad severity '"
                + override.getValue()
                + "' for check "
                + name
                + " in "
                + source
                + ". Valid values: ERROR, WARNING (or WARN), OFF.",
            e);
      }
    }
  }

  /**
   * Parses the {@code oomguard.checks} user property: comma-separated {@code Name:LEVEL} pairs, for
   * example {@code UnboundedCache:OFF,UnboundedExecutor:WARNING}.
   *
   * @throws IllegalArgumentException for a pair without a colon
   */
  public static Map<String, String> parseProperty(String property) {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (property == null) {
      return overrides;
    }
    for (String pair : property.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int colon = pair.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            "Bad entry '"
                + pair.trim()
                + "' in -Doomguard.checks. Write CheckName:LEVEL pairs separated by commas, e.g."
                + " -Doomguard.checks=UnboundedCache:OFF,UnboundedExecutor:WARNING.");
      }
      overrides.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
    }
    return overrides;
  }

  /** The checks that run, in catalogue order, with their effective severity. */
  public Map<String, Severity> enabled() {
    return enabled;
  }

  /** The effective severity of an enabled check. */
  public Severity severityOf(String check) {
    Severity severity = enabled.get(check);
    if (severity == null) {
      throw new IllegalArgumentException("check " + check + " is not enabled");
    }
    return severity;
  }
}
