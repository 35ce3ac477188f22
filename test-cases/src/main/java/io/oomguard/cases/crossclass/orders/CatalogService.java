package io.oomguard.cases.crossclass.orders;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Called per request by OrderController, and once at start-up by CatalogWarmer. */
public class CatalogService {
  private final List<String> catalogLines;

  public CatalogService(List<String> catalogLines) {
    this.catalogLines = catalogLines;
  }

  public String lookup(String sku) {
    // BUG: Diagnostic contains: PerRequestCollectionRebuild
    // reached from request handler `OrderController.list` (GET /orders/{sku}) via
    // `OrderController.list → CatalogService.lookup`
    Map<String, String> bySku = new HashMap<>();
    for (String line : catalogLines) {
      bySku.put(line.substring(0, 8), line);
    }
    return bySku.get(sku);
  }

  /** Called only from start-up code: the same shape is not flagged here. */
  public Map<String, String> buildIndex() {
    Map<String, String> bySku = new HashMap<>();
    for (String line : catalogLines) {
      bySku.put(line.substring(0, 8), line);
    }
    return bySku;
  }
}
