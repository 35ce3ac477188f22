package io.oomguard.cases.rebuilds;

import static java.util.stream.Collectors.toMap;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import jakarta.annotation.PostConstruct;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The post-mortem handler: configuration re-indexed on every request. */
@RestController
public class CatalogController {
  public record Product(String sku, String name, String owner, long cents) {}

  /** Configuration held by the controller for its whole life. */
  public interface CatalogConfig {
    List<String> catalogLines();

    List<Product> products();

    Map<String, Long> prices();
  }

  private final CatalogConfig config;
  private final List<Product> products;
  private final Set<String> blockedSkus;
  private Map<String, Product> bySkuCache;
  private Map<String, Product> bySkuIndex;

  public CatalogController(CatalogConfig config) {
    this.config = config;
    this.products = config.products();
    this.blockedSkus = new HashSet<>(config.catalogLines());
    // Quiet: built once, in the constructor.
    Map<String, Product> index = new HashMap<>();
    for (Product product : config.products()) {
      index.put(product.sku(), product);
    }
    this.bySkuIndex = index;
  }

  @GetMapping("/catalog/{sku}")
  public String line(@PathVariable String sku) {
    // BUG: Diagnostic contains: PerRequestCollectionRebuild
    // filled in a loop over `config.catalogLines()` in request handler `CatalogController.line`
    // (GET /catalog/{sku})
    Map<String, String> bySku = new HashMap<>();
    for (String line : config.catalogLines()) {
      bySku.put(line.substring(0, 8), line);
    }
    return bySku.get(sku);
  }

  @GetMapping("/products/{sku}")
  public Product product(@PathVariable String sku) {
    Map<String, Product> index =
        // BUG: Diagnostic contains: collected from `this.products`
        this.products.stream().collect(toMap(Product::sku, Function.identity()));
    return index.get(sku);
  }

  @GetMapping("/products/{sku}/blocked")
  public boolean blocked(@PathVariable String sku) {
    // BUG: Diagnostic contains: copied from `blockedSkus`
    Set<String> blocked = new HashSet<>(blockedSkus);
    return blocked.contains(sku);
  }

  @GetMapping("/prices/{sku}")
  public Long price(@PathVariable String sku) {
    // BUG: Diagnostic contains: copied from `config.prices()`
    Map<String, Long> prices = ImmutableMap.copyOf(config.prices());
    return prices.get(sku);
  }

  @GetMapping("/products/by-name")
  public Product byName(@RequestParam String name) {
    // BUG: Diagnostic contains: copied from `products`
    Map<String, Product> byName = Maps.uniqueIndex(products, Product::name);
    return byName.get(name);
  }

  @GetMapping("/catalog/sorted")
  public String first() {
    List<String> lines = config.catalogLines();
    // BUG: Diagnostic contains: filled in a loop over `lines`
    TreeMap<String, String> sorted = new TreeMap<>();
    for (String line : lines) {
      sorted.put(line, line);
    }
    return sorted.firstKey();
  }

  @GetMapping("/prices/total")
  public long total(@RequestParam String currency) {
    // BUG: Diagnostic contains: filled in a loop over `config.prices()`
    Map<String, Long> copy = new HashMap<>();
    config.prices().forEach((sku, cents) -> copy.put(sku, cents));
    return copy.values().stream().mapToLong(Long::longValue).sum();
  }

  // Quiet: filtered by the request; a query, not a rebuild.
  @GetMapping("/products/mine")
  public List<Product> mine(@RequestParam String owner) {
    return products.stream().filter(product -> product.owner().equals(owner)).toList();
  }

  // Quiet: the loop reads the request.
  @GetMapping("/products/search")
  public Map<String, Product> search(@RequestParam String prefix) {
    Map<String, Product> hits = new HashMap<>();
    for (Product product : products) {
      if (product.name().startsWith(prefix)) {
        hits.put(product.sku(), product);
      }
    }
    return hits;
  }

  // Quiet: lazy initializer that stores the result.
  @GetMapping("/products/{sku}/cached")
  public Product cached(@PathVariable String sku) {
    if (bySkuCache == null) {
      Map<String, Product> built = new HashMap<>();
      for (Product product : products) {
        built.put(product.sku(), product);
      }
      bySkuCache = built;
    }
    return bySkuCache.get(sku);
  }

  // Quiet: reads the index built once.
  @GetMapping("/products/{sku}/indexed")
  public Product indexed(@PathVariable String sku) {
    return bySkuIndex.get(sku);
  }

  // Quiet: @PostConstruct is start-up code.
  @PostConstruct
  void warmUp() {
    this.bySkuCache = products.stream().collect(toMap(Product::sku, Function.identity()));
    Set<String> names = new HashSet<>(config.catalogLines());
    names.clear();
  }

  // Quiet: not reachable from a handler or a loop.
  Map<String, Long> pricesForAdminTool() {
    return new HashMap<>(config.prices());
  }
}
