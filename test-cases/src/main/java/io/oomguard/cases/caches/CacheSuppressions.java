package io.oomguard.cases.caches;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.oomguard.annotations.OomSafe;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Suppression where the team knows the bound: at the field declaration, where the finding is
 * reported, or on the enclosing class.
 */
public final class CacheSuppressions {
  private CacheSuppressions() {}

  static final class TenantConfigs {
    @SuppressWarnings("UnboundedCache") // one entry per tenant; we have 40
    private static final Map<String, String> CONFIGS = new ConcurrentHashMap<>();

    @OomSafe("keys are ISO 4217 currency codes: under 200 entries")
    private static final Map<String, Integer> SCALES = new ConcurrentHashMap<>();

    static String config(String tenant) {
      return CONFIGS.computeIfAbsent(tenant, t -> "config-of-" + t);
    }

    static int scale(String currency) {
      return SCALES.computeIfAbsent(currency, c -> c.equals("JPY") ? 0 : 2);
    }
  }

  @OomSafe("bounded by the number of deployed services, about 30")
  static final class ServiceDirectory {
    private final Cache<String, String> endpoints = Caffeine.newBuilder().build();
    private static final Map<String, String> ALIASES = new ConcurrentHashMap<>();

    String endpoint(String service) {
      ALIASES.putIfAbsent(service.toLowerCase(), service);
      return endpoints.get(service, s -> "http://" + s + ".internal");
    }
  }

  /** Not suppressed: the same shape elsewhere is still reported. */
  static final class Unsuppressed {
    // BUG: Diagnostic contains: UnboundedCache
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    static String name(String id) {
      return NAMES.computeIfAbsent(id, String::strip);
    }
  }
}
