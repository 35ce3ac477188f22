package io.oomguard.cases.caches;

import com.google.common.collect.MapMaker;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.util.ConcurrentLruCache;
import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * The bounds real caches use: a size check before the add, a size check that clears, soft or weak
 * references, an LRU class that is not a {@code Map}, removing the emptied entry of a map of lists.
 * A size check placed after the add, or a removal from the inner list only, bounds nothing.
 */
public final class SizeAndReferenceBounds {
  private SizeAndReferenceBounds() {}

  /** Caps distinct tag values, but adds the value before it checks the size: the cap never caps. */
  public static final class TagLimiter {
    // BUG: Diagnostic contains: `add` in `TagLimiter.accept`
    private static final Set<String> OBSERVED = new ConcurrentSkipListSet<>();

    public static boolean accept(String tag, int maximum) {
      OBSERVED.add(tag);
      if (OBSERVED.size() > maximum) {
        return false;
      }
      return true;
    }
  }

  /** Tags every request's path: each distinct URL is one more value. */
  public static final class PathMetricsFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      TagLimiter.accept(((HttpServletRequest) request).getRequestURI(), 100);
      chain.doFilter(request, response);
    }
  }

  /** Sessions per browser: the list is emptied when a client leaves, the browser's entry stays. */
  public static final class BrowserSessions {
    // BUG: Diagnostic contains: `putIfAbsent` in `BrowserSessions.join`
    private static final ConcurrentMap<String, List<String>> BY_BROWSER = new ConcurrentHashMap<>();

    public static void join(String browserId, String clientId) {
      List<String> clients = BY_BROWSER.get(browserId);
      if (clients == null) {
        List<String> fresh = new CopyOnWriteArrayList<>();
        clients = BY_BROWSER.putIfAbsent(browserId, fresh);
        if (clients == null) {
          clients = fresh;
        }
      }
      clients.add(clientId);
    }

    public static void leave(String browserId, String clientId) {
      List<String> clients = BY_BROWSER.get(browserId);
      if (clients != null) {
        clients.remove(clientId);
      }
    }
  }

  // ---- bounded: no finding ----

  /** The same limiter, checking the size before it adds a new value. */
  public static final class BoundedTagLimiter {
    private static final Set<String> OBSERVED = new ConcurrentSkipListSet<>();

    public static boolean accept(String tag, int maximum) {
      if (!OBSERVED.contains(tag)) {
        if (OBSERVED.size() >= maximum) {
          return false;
        }
        OBSERVED.add(tag);
      }
      return true;
    }
  }

  /** Stops caching once full, through a size predicate of its own. */
  public static final class HeaderNames {
    private static final int MAX_SIZE = 1_000;
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    public static boolean isFull() {
      return CACHE.size() >= MAX_SIZE;
    }

    public static String get(String name) {
      String cached = CACHE.get(name);
      if (cached == null) {
        cached = isFull() ? name.toLowerCase() : CACHE.computeIfAbsent(name, String::toLowerCase);
      }
      return cached;
    }
  }

  /** Turns itself off and clears when too many different keys come in. */
  public static final class PatternMatcher {
    private static final int THRESHOLD = 65_536;
    private static final Map<String, String> COMPILED = new ConcurrentHashMap<>();

    public static String compile(String pattern) {
      String compiled = COMPILED.get(pattern);
      if (compiled == null) {
        compiled = pattern.replace("*", ".*");
        if (COMPILED.size() >= THRESHOLD) {
          COMPILED.clear();
        }
        COMPILED.put(pattern, compiled);
      }
      return compiled;
    }
  }

  /**
   * Caches, and interns, only while the cache is below its cap; interning rides on the same cap.
   */
  public static final class FieldNames {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
    private static final Map<String, String> INTERNED = new ConcurrentHashMap<>();

    public static String parse(String reference) {
      String cached = CACHE.get(reference);
      if (cached != null) {
        return cached;
      }
      String parsed = reference.replace("[", "").replace("]", ".");
      if (CACHE.size() < 10_000) {
        parsed = intern(parsed);
        CACHE.put(reference, parsed);
      }
      return parsed;
    }

    private static String intern(String parsed) {
      return INTERNED.computeIfAbsent(parsed, p -> p);
    }
  }

  /** Soft and weak references: the garbage collector empties them under pressure. */
  public static final class ReferenceCaches {
    private static final Map<String, String> SOFT = new ConcurrentReferenceHashMap<>();
    private static final ConcurrentMap<String, String> WEAK = new MapMaker().weakValues().makeMap();

    public static String soft(String key) {
      return SOFT.computeIfAbsent(key, String::toUpperCase);
    }

    public static String weak(String key) {
      return WEAK.computeIfAbsent(key, String::toLowerCase);
    }
  }

  /** An LRU class that is not a Map: it evicts beyond its capacity. */
  public static final class LruProxies {
    private static final ConcurrentLruCache<String, String> PROXIES =
        new ConcurrentLruCache<>(256, key -> "proxy:" + key);

    public static String proxy(String key) {
      return PROXIES.get(key);
    }
  }

  /** The map of lists again, removing the browser's entry when its last client leaves. */
  public static final class BoundedBrowserSessions {
    private static final ConcurrentMap<String, List<String>> BY_BROWSER = new ConcurrentHashMap<>();

    public static void join(String browserId, String clientId) {
      BY_BROWSER.computeIfAbsent(browserId, id -> new CopyOnWriteArrayList<>()).add(clientId);
    }

    public static void leave(String browserId, String clientId) {
      List<String> clients = BY_BROWSER.get(browserId);
      if (clients != null) {
        clients.remove(clientId);
        if (clients.isEmpty()) {
          BY_BROWSER.remove(browserId);
        }
      }
    }
  }
}
