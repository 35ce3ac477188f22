package harness;

import io.oomguard.annotations.OomSafe;

/** Fixture: a check reports a finding on a line with no marker. */
class FoundButUnmarked {
  private final java.util.List<String> names = new java.util.ArrayList<>();

  @OomSafe("")
  void register(String name) {
    names.add(name);
  }
}
