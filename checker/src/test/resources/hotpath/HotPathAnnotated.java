package hotpath;

import io.oomguard.annotations.HotPath;

class HotPathAnnotated {
  static void probe() {}

  @HotPath("per ledger entry")
  void onEntry(String entry) {
    // BUG: Diagnostic contains: hot in @HotPath method `HotPathAnnotated.onEntry`
    probe();
    post(entry);
  }

  private void post(String entry) {
    // BUG: Diagnostic contains: reached from @HotPath method `HotPathAnnotated.onEntry` via
    probe();
  }

  void close() {
    probe();
  }
}
