package io.oomguard.cases.suppression;

import io.oomguard.annotations.OomSafe;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code @OomSafe} must say why; a blank reason is reported wherever the annotation stands. */
public class OomSafeReasons {
  private static final String NO_REASON = "";

  @OomSafe("keys are ISO country codes: at most 250 entries")
  private static final Map<String, String> COUNTRY_NAMES = new ConcurrentHashMap<>();

  // BUG: Diagnostic contains: OomSafeWithoutReason
  @OomSafe("")
  private static final Map<String, String> ALIASES = new ConcurrentHashMap<>();

  // BUG: Diagnostic contains: blank reason
  @OomSafe(value = "   ")
  public String lookup(String code) {
    return COUNTRY_NAMES.getOrDefault(code, ALIASES.get(code));
  }

  // BUG: Diagnostic contains: OomSafeWithoutReason
  @OomSafe(NO_REASON)
  static final class RegionCache {}

  public void register(@OomSafe("one call per deployment") String code) {
    // BUG: Diagnostic contains: OomSafeWithoutReason
    @OomSafe("\t")
    String normalized = code.trim();
    COUNTRY_NAMES.put(normalized, normalized);
  }

  /** A blank reason the team has agreed to keep is silenced by name, like any other check. */
  @SuppressWarnings("OomSafeWithoutReason")
  @OomSafe("")
  static final class LegacyRegistry {}
}
