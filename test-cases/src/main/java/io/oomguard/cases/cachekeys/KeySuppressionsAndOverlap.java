package io.oomguard.cases.cachekeys;

import io.oomguard.annotations.OomSafe;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Suppression of key findings, and the overlap with {@code UnboundedCache}: a map keyed by a
 * timestamp that is never cleaned is two bugs — the key never hits, and the map never shrinks — and
 * each is reported where it is fixed.
 */
public final class KeySuppressionsAndOverlap {
  private KeySuppressionsAndOverlap() {}

  static final class ResponseCache {
    // BUG: Diagnostic contains: UnboundedCache
    private static final Map<String, String> RESPONSES = new ConcurrentHashMap<>();

    static String response(String path) {
      // BUG: Diagnostic contains: NonRepeatingCacheKey
      return RESPONSES.computeIfAbsent(path + System.currentTimeMillis(), k -> "body of " + path);
    }
  }

  static final class Suppressed {
    private static final Map<String, String> RECENT = new ConcurrentHashMap<>();

    /** The key is meant to be unique: a write-only journal, trimmed by the sweeper below. */
    @SuppressWarnings("NonRepeatingCacheKey")
    static void journal(String line) {
      RECENT.put(System.nanoTime() + ":" + line, line);
    }

    @OomSafe("debug-only endpoint, disabled in production")
    static String debug(String path) {
      return RECENT.computeIfAbsent(path + System.currentTimeMillis(), k -> path);
    }

    static void sweep() {
      RECENT.clear();
    }
  }
}
