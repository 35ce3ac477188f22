package harness;

import io.oomguard.annotations.OomSafe;

/** Fixture: a marker announces a finding that no check reports. */
class MarkedButMissing {
  private final java.util.List<String> names = new java.util.ArrayList<>();

  // BUG: Diagnostic contains: OomSafeWithoutReason
  @OomSafe("names are the 3 admin users")
  void register(String name) {
    names.add(name);
  }
}
