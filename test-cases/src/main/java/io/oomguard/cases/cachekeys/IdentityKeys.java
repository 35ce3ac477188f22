package io.oomguard.cases.cachekeys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A freshly created object of a type without value equals/hashCode is equal only to itself: as a
 * key it never matches a later lookup. Records, Strings and types that override equals are value
 * keys and fine.
 */
public final class IdentityKeys {
  private IdentityKeys() {}

  /** Looks like a key class, but forgot equals and hashCode. */
  static final class PriceRequest {
    private final String sku;
    private final String currency;

    PriceRequest(String sku, String currency) {
      this.sku = sku;
      this.currency = currency;
    }

    String sku() {
      return sku;
    }

    String currency() {
      return currency;
    }
  }

  /** The same key class, done right. */
  static final class ValueRequest {
    private final String sku;

    ValueRequest(String sku) {
      this.sku = sku;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ValueRequest that && sku.equals(that.sku);
    }

    @Override
    public int hashCode() {
      return sku.hashCode();
    }
  }

  record PriceKey(String sku, String currency) {}

  static final class PriceService {
    private final Cache<Object, Double> prices = Caffeine.newBuilder().maximumSize(5_000).build();

    double price(String sku, String currency) {
      // BUG: Diagnostic contains: a new `PriceRequest` (it does not override equals/hashCode
      return prices.get(new PriceRequest(sku, currency), k -> 9.99);
    }

    /** new Object() as a key. */
    void mark(String sku) {
      // BUG: Diagnostic contains: `Object`
      prices.put(new Object(), (double) sku.length());
    }

    /** Arrays compare by identity. */
    double byCodes(int warehouse, int shelf) {
      // BUG: Diagnostic contains: a new array
      return prices.get(new int[] {warehouse, shelf}, k -> 1.0);
    }

    /** A list is a value, but not when it holds an identity object. */
    double tagged(String sku) {
      // BUG: Diagnostic contains: NonRepeatingCacheKey
      return prices.get(List.of(sku, new Object()), k -> 2.0);
    }

    /** Objects.hash of an identity object is its identity hash. */
    double hashed(String sku) {
      Object marker = new Object();
      int key = Objects.hash(sku, marker);
      // BUG: Diagnostic contains: (through `key` <- `marker`)
      return prices.get(key, k -> 3.0);
    }

    /** An anonymous class instance: identity again. */
    double anonymous(String sku) {
      // BUG: Diagnostic contains: a new anonymous-class instance
      return prices.get(new Object() {}, k -> 4.0);
    }
  }

  // ---- value keys: no finding ----

  static final class ValueKeys {
    private static final Map<Object, String> NAMES = new ConcurrentHashMap<>();

    static String byRecord(String sku, String currency) {
      return NAMES.computeIfAbsent(new PriceKey(sku, currency), Object::toString);
    }

    static String byValueClass(String sku) {
      return NAMES.computeIfAbsent(new ValueRequest(sku), Object::toString);
    }

    static String byDecodedString(byte[] payload) {
      return NAMES.computeIfAbsent(new String(payload, StandardCharsets.UTF_8), k -> "decoded");
    }

    static String byBuiltString(String sku, String currency) {
      return NAMES.computeIfAbsent(
          new StringBuilder().append(sku).append('/').append(currency).toString(), k -> sku);
    }

    static String byList(String sku, String currency) {
      return NAMES.computeIfAbsent(List.of(sku, currency), Object::toString);
    }

    static void evict(Object key) {
      NAMES.remove(key);
    }
  }
}
