package shop;

import jakarta.annotation.PostConstruct;
import java.util.Map;

public class CatalogService {
  private Map<String, String> lines;

  public String lookup(String sku) {
    return index().get(sku);
  }

  /** Same name, other parameter type: not called by the controller. */
  public String lookup(int position) {
    return String.valueOf(position);
  }

  private Map<String, String> index() {
    return lines;
  }

  @PostConstruct
  void warm() {
    preload();
  }

  void preload() {
    lines = Map.of();
  }
}
