package io.oomguard.cases.caches;

import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** A top-level Spring service: its fields live as long as the application context. */
@Service
public class CatalogService {
  /** Filled at start-up, read-only afterwards. */
  private final Map<String, String> categories = new HashMap<>();

  /** A lookup memo keyed by free-text search terms: grows with every new term. */
  // BUG: Diagnostic contains: field `searches` of the Spring bean `CatalogService` only grows
  private final Map<String, List<String>> searches = new ConcurrentHashMap<>();

  /** Filled by a private loader that only the constructor calls. */
  private final List<String> featured = new ArrayList<>();

  /** Refreshed by a scheduled job that swaps in a new map. */
  private volatile Map<String, Long> stock = new ConcurrentHashMap<>();

  public CatalogService() {
    loadFeatured();
  }

  @PostConstruct
  void loadCategories() {
    categories.put("books", "Books");
    categories.put("games", "Games");
  }

  private void loadFeatured() {
    featured.add("sku-1");
    featured.add("sku-2");
  }

  public List<String> search(String term) {
    return searches.computeIfAbsent(term.toLowerCase(), this::runSearch);
  }

  public long stock(String sku) {
    return stock.getOrDefault(sku, 0L);
  }

  private List<String> runSearch(String term) {
    return featured.stream()
        .filter(sku -> sku.contains(term) || categories.containsKey(term))
        .toList();
  }

  @Scheduled(fixedRate = 60_000)
  void refreshStock() {
    Map<String, Long> fresh = new ConcurrentHashMap<>();
    fresh.put("sku-1", 3L);
    stock = fresh;
  }
}
