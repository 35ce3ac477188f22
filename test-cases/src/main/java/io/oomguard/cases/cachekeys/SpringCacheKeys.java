package io.oomguard.cases.cachekeys;

import java.time.Instant;
import java.util.Objects;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CachePut;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

/**
 * Spring's cache abstraction: {@code @Cacheable}/{@code @CachePut} SpEL keys and programmatic
 * {@code Cache.get/put}. A key with {@code T(System).currentTimeMillis()} is the timestamp bug in
 * annotation form.
 */
public final class SpringCacheKeys {
  private SpringCacheKeys() {}

  record Invoice(String id, long cents) {}

  @Service
  static class InvoiceService {
    // BUG: Diagnostic contains: @Cacheable key for "invoices" includes
    // T(System).currentTimeMillis()
    @Cacheable(cacheNames = "invoices", key = "#customerId + '-' + T(System).currentTimeMillis()")
    public Invoice latest(String customerId) {
      return new Invoice(customerId, 100);
    }

    // BUG: Diagnostic contains: T(java.util.UUID).randomUUID()
    @CachePut(value = "invoices", key = "T(java.util.UUID).randomUUID().toString()")
    public Invoice store(Invoice invoice) {
      return invoice;
    }

    // BUG: Diagnostic contains: NonRepeatingCacheKey
    @Cacheable(value = "drafts", key = "#root.methodName + new java.util.Date()")
    public Invoice draft(String customerId) {
      return new Invoice(customerId, 0);
    }

    // ---- stable or bucketed keys: no finding ----

    @Cacheable(cacheNames = "invoices", key = "#customerId")
    public Invoice byCustomer(String customerId) {
      return new Invoice(customerId, 1);
    }

    @Cacheable(
        cacheNames = "invoices",
        key = "#customerId + '-' + (T(System).currentTimeMillis() / 3600000)")
    public Invoice hourly(String customerId) {
      return new Invoice(customerId, 2);
    }

    @Cacheable("invoices")
    public Invoice byDefaultKey(String customerId, int year) {
      return new Invoice(customerId + year, 3);
    }

    @Cacheable(
        cacheNames = "invoices",
        key =
            "#customerId + T(java.time.LocalDateTime).now().truncatedTo(T(java.time.temporal.ChronoUnit).DAYS)")
    public Invoice daily(String customerId) {
      return new Invoice(customerId, 4);
    }
  }

  /** Programmatic use of Spring's Cache. */
  @Service
  static class ExchangeRateService {
    private final CacheManager cacheManager;

    ExchangeRateService(CacheManager cacheManager) {
      this.cacheManager = cacheManager;
    }

    double rate(String pair) {
      Cache rates = Objects.requireNonNull(cacheManager.getCache("rates"));
      // BUG: Diagnostic contains: key of cache `rates` includes `Instant.now()`
      Double rate = rates.get(pair + Instant.now(), () -> 1.1);
      return rate == null ? 0 : rate;
    }

    void remember(String pair, double rate) {
      // BUG: Diagnostic contains: `cacheManager.getCache("rates")`
      Objects.requireNonNull(cacheManager.getCache("rates")).put(pair + System.nanoTime(), rate);
    }

    double cached(String pair) {
      Cache rates = Objects.requireNonNull(cacheManager.getCache("rates"));
      Cache.ValueWrapper hit = rates.get(pair);
      return hit == null ? 0 : (double) hit.get();
    }
  }
}
