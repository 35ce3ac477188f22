package hotpath;

import java.util.List;

/** A service with no entry point of its own; the module index says which methods are hot. */
class IndexedService {
  static void probe() {}

  String lookup(String sku) {
    // BUG: Diagnostic contains: hot in `IndexedService.lookup`, reached from request handler `OrderController.list` (GET /orders) via `OrderController.list → IndexedService.lookup`
    probe();
    return normalize(sku);
  }

  /** An overload the index does not list: not hot. */
  String lookup(List<String> skus) {
    probe();
    return "";
  }

  private String normalize(String sku) {
    // BUG: Diagnostic contains: via `OrderController.list → IndexedService.lookup → IndexedService.normalize`
    probe();
    return sku.trim();
  }

  /** Called only at start-up elsewhere: not in the index, not hot. */
  void preload() {
    probe();
  }
}
