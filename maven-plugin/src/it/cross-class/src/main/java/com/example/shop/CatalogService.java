package com.example.shop;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Called per request by OrderHandler, and at start-up by Main. */
public class CatalogService {
  private final CatalogRepository repository;
  private final List<String> lines;

  public CatalogService(CatalogRepository repository, List<String> lines) {
    this.repository = repository;
    this.lines = lines;
  }

  public String lookup(String sku) throws java.io.IOException {
    Map<String, String> bySku = new HashMap<>();
    for (String line : lines) {
      bySku.put(line.substring(0, 4), line);
    }
    return repository.describe(bySku.get(sku));
  }

  public Map<String, String> preload() {
    Map<String, String> bySku = new HashMap<>();
    for (String line : lines) {
      bySku.put(line.substring(0, 4), line);
    }
    return bySku;
  }
}
