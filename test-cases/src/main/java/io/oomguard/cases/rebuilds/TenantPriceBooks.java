package io.oomguard.cases.rebuilds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;

/**
 * Per-tenant price books copied from configuration: once per tenant at start-up is initialization;
 * once per tenant on every call is the post-mortem's rebuild.
 */
public class TenantPriceBooks implements InitializingBean {
  /** Configuration held for the component's whole life. */
  public interface PriceConfig {
    List<String> tenants();

    Map<String, Long> prices();
  }

  private final PriceConfig config;
  private final Map<String, Map<String, Long>> books = new ConcurrentHashMap<>();

  public TenantPriceBooks(PriceConfig config) {
    this.config = config;
  }

  // Quiet: InitializingBean.afterPropertiesSet runs once, when the container has set the bean up.
  @Override
  public void afterPropertiesSet() {
    for (String tenant : config.tenants()) {
      Map<String, Long> book = new HashMap<>(config.prices());
      book.replaceAll((sku, cents) -> cents);
      books.put(tenant, book);
    }
  }

  /** A listener of the context's start-up event. */
  public static class Warmer {
    private final PriceConfig config;
    private final Map<String, Integer> sizes = new ConcurrentHashMap<>();

    public Warmer(PriceConfig config) {
      this.config = config;
    }

    // Quiet: a listener of ContextRefreshedEvent runs once, when the context is up.
    @EventListener(ContextRefreshedEvent.class)
    public void warm() {
      for (String tenant : config.tenants()) {
        Map<String, Long> book = new HashMap<>(config.prices());
        sizes.put(tenant, book.size());
      }
    }
  }

  /** The same copy, made by a method any caller may run at any time. */
  public long totalAcrossTenants() {
    long total = 0;
    for (String tenant : config.tenants()) {
      // BUG: Diagnostic contains: PerRequestCollectionRebuild
      Map<String, Long> book = new HashMap<>(config.prices());
      total += book.getOrDefault(tenant, 0L);
    }
    return total;
  }
}
