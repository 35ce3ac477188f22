package harness;

import io.oomguard.annotations.OomSafe;

/** Fixture: the marker announces the finding that the checks report. */
class MarkedAndFound {
  private final java.util.List<String> names = new java.util.ArrayList<>();

  // BUG: Diagnostic contains: OomSafeWithoutReason
  @OomSafe("  ")
  void register(String name) {
    names.add(name);
  }
}
