package io.oomguard.cases.caches;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code new LinkedHashMap<>(capacity, loadFactor, true)} orders entries by access: the first half
 * of an LRU cache. The second half is {@code removeEldestEntry}; without it nothing is evicted.
 */
public final class LruMaps {
  private LruMaps() {}

  /** Access order requested, eviction forgotten. */
  static final class ThumbnailCache {
    // BUG: Diagnostic contains: access-ordered LinkedHashMap
    private final Map<String, byte[]> thumbnails = new LinkedHashMap<>(256, 0.75f, true);

    synchronized byte[] thumbnail(String imageId) {
      return thumbnails.computeIfAbsent(imageId, String::getBytes);
    }
  }

  /** The same, wrapped for thread safety, in a static field. */
  static final class DnsCache {
    // BUG: Diagnostic contains: removeEldestEntry
    private static final Map<String, String> ADDRESSES =
        Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true));

    static String resolve(String host) {
      return ADDRESSES.computeIfAbsent(host, h -> "10.0.0." + (h.length() % 255));
    }
  }

  /** Assigned in the constructor: still reported at the field. */
  static final class StatementCache {
    // BUG: Diagnostic contains: field `statements`
    private final Map<String, Object> statements;

    StatementCache(int expected) {
      this.statements = new LinkedHashMap<>(expected, 0.75f, true);
    }

    Object prepare(String sql) {
      return statements.computeIfAbsent(sql, s -> new Object());
    }
  }

  // ---- evicting: no finding ----

  /** The textbook LRU: removeEldestEntry caps the size. */
  static final class BoundedThumbnailCache {
    private static final int MAX_ENTRIES = 500;

    private final Map<String, byte[]> thumbnails =
        new LinkedHashMap<>(MAX_ENTRIES, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > MAX_ENTRIES;
          }
        };

    synchronized byte[] thumbnail(String imageId) {
      return thumbnails.computeIfAbsent(imageId, String::getBytes);
    }
  }

  /** Evicts by hand through the iterator once a limit is passed. */
  static final class ManualLru {
    private final Map<String, String> entries = new LinkedHashMap<>(64, 0.75f, true);

    synchronized void put(String key, String value) {
      entries.put(key, value);
      if (entries.size() > 1_000) {
        Iterator<String> eldest = entries.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    }
  }

  /** Insertion order, a local, gone when the method returns. */
  static final class Formatter {
    String format(Map<String, String> fields) {
      Map<String, String> ordered = new LinkedHashMap<>(16, 0.75f, true);
      ordered.putAll(fields);
      return ordered.toString();
    }
  }
}
