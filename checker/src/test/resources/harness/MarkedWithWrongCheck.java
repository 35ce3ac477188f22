package harness;

import io.oomguard.annotations.OomSafe;

/** Fixture: a finding appears where marked, but from another check than the marker names. */
class MarkedWithWrongCheck {
  private final java.util.List<String> names = new java.util.ArrayList<>();

  // BUG: Diagnostic contains: UnboundedCache
  @OomSafe("")
  void register(String name) {
    names.add(name);
  }
}
