package io.oomguard.cases.caches;

import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

  private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor();

  public CatalogService() {
    loadFeatured();
  }

  @PostConstruct
  void loadCategories() {
    categories.put("books", "Books");
    categories.put("games", "Games");
    refresher.scheduleAtFixedRate(this::refreshStock, 1, 1, TimeUnit.MINUTES);
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
    List<String> hits = new ArrayList<>();
    for (String sku : featured) {
      if (sku.contains(term) || categories.containsKey(term)) {
        hits.add(sku);
      }
    }
    return hits;
  }

  private void refreshStock() {
    Map<String, Long> fresh = new ConcurrentHashMap<>();
    fresh.put("sku-1", 3L);
    stock = fresh;
  }
}
