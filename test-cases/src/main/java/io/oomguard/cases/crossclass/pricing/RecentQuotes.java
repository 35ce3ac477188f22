package io.oomguard.cases.crossclass.pricing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Quotes seen lately: run-time code fills and trims it, so a copy of it is a snapshot. */
public class RecentQuotes {
  private final Map<String, Long> bySku = new ConcurrentHashMap<>();

  public void remember(String sku, long cents) {
    if (bySku.size() > 1_000) {
      bySku.clear();
    }
    bySku.put(sku, cents);
  }

  // Quiet: a snapshot of state that run-time code changes.
  public List<String> skus() {
    return new ArrayList<>(bySku.keySet());
  }
}
