package io.oomguard.cases.crossclass.orders;

import jakarta.annotation.PostConstruct;
import java.util.Map;

/** Start-up code: what it reaches is not hot through it. */
public class CatalogWarmer {
  private final CatalogService catalog;
  private Map<String, String> index;

  public CatalogWarmer(CatalogService catalog) {
    this.catalog = catalog;
  }

  @PostConstruct
  void warm() {
    index = catalog.buildIndex();
  }

  public int size() {
    return index.size();
  }
}
