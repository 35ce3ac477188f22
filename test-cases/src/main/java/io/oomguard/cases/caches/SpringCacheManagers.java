package io.oomguard.cases.caches;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.cache.support.SimpleCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Spring's {@code ConcurrentMapCacheManager} is the fallback cache provider: a ConcurrentHashMap
 * per cache name, no size limit, no expiry. Declared as the application's cache manager, every
 * {@code @Cacheable} method becomes an unbounded map.
 */
public final class SpringCacheManagers {
  private SpringCacheManagers() {}

  @Configuration
  @EnableCaching
  static class CachingConfig {
    @Bean
    CacheManager cacheManager() {
      // BUG: Diagnostic contains: Spring `ConcurrentMapCacheManager` declared as a bean
      ConcurrentMapCacheManager manager = new ConcurrentMapCacheManager("users", "orders");
      manager.setAllowNullValues(false);
      return manager;
    }
  }

  @Configuration
  static class ExplicitCachesConfig {
    @Bean
    SimpleCacheManager reportCaches() {
      SimpleCacheManager manager = new SimpleCacheManager();
      manager.setCaches(
          List.of(
              // BUG: Diagnostic contains: `ConcurrentMapCache` declared as a bean
              new ConcurrentMapCache("reports"),
              // BUG: Diagnostic contains: UnboundedCache
              new ConcurrentMapCache("exports", false)));
      return manager;
    }
  }

  @Configuration
  static class SingleCacheConfig {
    @Bean
    Cache sessionsCache() {
      // BUG: Diagnostic contains: UnboundedCache
      return new ConcurrentMapCache("sessions");
    }
  }

  // ---- bounded, or not a bean: no finding ----

  @Configuration
  static class BoundedCachesConfig {
    /** A ConcurrentMapCache over a bounded Caffeine store. */
    @Bean
    Cache quotesCache() {
      return new ConcurrentMapCache(
          "quotes",
          Caffeine.newBuilder().maximumSize(5_000).<Object, Object>build().asMap(),
          false);
    }

    /** A manager whose caches are created bounded. */
    @Bean
    CacheManager boundedManager() {
      return new ConcurrentMapCacheManager() {
        @Override
        protected Cache createConcurrentMapCache(String name) {
          return new ConcurrentMapCache(
              name, Caffeine.newBuilder().maximumSize(1_000).<Object, Object>build().asMap(), true);
        }
      };
    }
  }

  /** A throwaway manager in a unit-test helper is not the application's cache. */
  static final class TestCaches {
    static CacheManager forTests() {
      return new ConcurrentMapCacheManager("test");
    }
  }
}
