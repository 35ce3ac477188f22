package io.oomguard.cases.caches;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Guava and Caffeine builders are bounded only when asked to be: a size, a weight, an expiry or
 * weak/soft references. Without one the cache is a ConcurrentHashMap with statistics.
 */
public final class BuilderCaches {
  private BuilderCaches() {}

  record Profile(String id, String name) {}

  /** Caffeine with no bound at all. */
  static final class ProfileCache {
    private final com.github.benmanes.caffeine.cache.Cache<String, Profile> profiles =
        // BUG: Diagnostic contains: Caffeine cache built with no maximumSize
        Caffeine.newBuilder().recordStats().build();

    Profile profile(String id) {
      return profiles.get(id, key -> new Profile(key, "unknown"));
    }
  }

  /** Guava LoadingCache: recordStats and a removal listener bound nothing. */
  static final class AvatarCache {
    private final LoadingCache<String, byte[]> avatars =
        // BUG: Diagnostic contains: Guava CacheBuilder cache built
        CacheBuilder.newBuilder()
            .recordStats()
            .removalListener(notification -> System.out.println(notification.getKey()))
            .build(
                new CacheLoader<String, byte[]>() {
                  @Override
                  public byte[] load(String userId) {
                    return userId.getBytes();
                  }
                });

    byte[] avatar(String userId) {
      return avatars.getUnchecked(userId);
    }
  }

  /** Refreshing is not expiring: refreshAfterWrite keeps every key it ever loaded. */
  static final class ExchangeRateCache {
    private final AsyncLoadingCache<String, Double> rates =
        // BUG: Diagnostic contains: UnboundedCache
        Caffeine.newBuilder()
            .refreshAfterWrite(Duration.ofMinutes(5))
            .buildAsync(pair -> (double) pair.length());

    double rate(String pair) {
      return rates.get(pair).join();
    }
  }

  /** A builder kept in a local and configured without a bound. */
  static final class SessionAttributes {
    private final Cache<String, String> attributes;

    SessionAttributes(boolean stats) {
      // BUG: Diagnostic contains: Guava CacheBuilder
      CacheBuilder<Object, Object> builder = CacheBuilder.newBuilder().concurrencyLevel(4);
      if (stats) {
        builder.recordStats();
      }
      this.attributes = builder.build();
    }

    String attribute(String name) {
      return attributes.getIfPresent(name);
    }
  }

  // ---- bounded: no finding ----

  static final class BoundedCaches {
    private final com.github.benmanes.caffeine.cache.Cache<String, Profile> bySize =
        Caffeine.newBuilder().maximumSize(10_000).recordStats().build();

    private final com.github.benmanes.caffeine.cache.Cache<String, Profile> byTime =
        Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(10)).build();

    private final Cache<String, byte[]> byWeight =
        CacheBuilder.newBuilder()
            .maximumWeight(64L * 1024 * 1024)
            .weigher((String key, byte[] value) -> value.length)
            .build();

    private final Cache<Object, Object> byReachability =
        CacheBuilder.newBuilder().weakKeys().softValues().build();

    private final Cache<String, String> byAccess =
        CacheBuilder.newBuilder().expireAfterAccess(30, TimeUnit.SECONDS).build();

    private final Cache<String, String> fromSpec =
        CacheBuilder.from("maximumSize=500,expireAfterWrite=5m").build();

    private final com.github.benmanes.caffeine.cache.Cache<String, String> fromCaffeineSpec =
        Caffeine.from("maximumSize=500").build();
  }

  /** Keyed by class: no more entries than there are classes, whatever the builder says. */
  static final class SerializerCache {
    private final com.github.benmanes.caffeine.cache.Cache<Class<?>, String> serializers =
        Caffeine.newBuilder().build();

    String serializer(Class<?> type) {
      return serializers.get(type, Class::getSimpleName);
    }
  }

  /** Every key is the one configured file: a single entry, refreshed. */
  static final class ConfigurationCache {
    private final String sourceFile;
    private final LoadingCache<String, String> contents;

    ConfigurationCache(String sourceFile) {
      this.sourceFile = sourceFile;
      this.contents =
          CacheBuilder.newBuilder()
              .refreshAfterWrite(5, TimeUnit.MINUTES)
              .build(
                  new CacheLoader<String, String>() {
                    @Override
                    public String load(String file) {
                      return "contents of " + file;
                    }
                  });
    }

    String contents() {
      return contents.getUnchecked(sourceFile);
    }
  }

  /** A local builder bounded before it is built. */
  static final class ConfiguredLater {
    private final com.github.benmanes.caffeine.cache.Cache<String, String> cache;

    ConfiguredLater(long maxEntries) {
      Caffeine<Object, Object> builder = Caffeine.newBuilder().recordStats();
      builder.maximumSize(maxEntries);
      this.cache = builder.build();
    }

    String get(String key) {
      return cache.getIfPresent(key);
    }
  }

  /** A builder configured by a helper this check cannot see into. */
  static final class ConfiguredElsewhere {
    private final com.github.benmanes.caffeine.cache.Cache<String, String> cache;

    ConfiguredElsewhere() {
      Caffeine<Object, Object> builder = Caffeine.newBuilder();
      applyLimits(builder);
      this.cache = builder.build();
    }

    private static void applyLimits(Caffeine<Object, Object> builder) {
      builder.maximumSize(1_000).expireAfterAccess(Duration.ofMinutes(1));
    }
  }
}
