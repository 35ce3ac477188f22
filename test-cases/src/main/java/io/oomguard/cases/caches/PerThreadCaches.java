package io.oomguard.cases.caches;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A static {@code ThreadLocal} holding a map: every pooled request thread keeps its own map for the
 * life of the application, so a map filled per request and never emptied grows on every thread.
 */
public final class PerThreadCaches {
  private PerThreadCaches() {}

  record ProxyKey(Class<?> type, String argument) {}

  /** Recording proxies memoized per thread, keyed by the request's arguments. */
  public static final class Proxies {
    // BUG: Diagnostic contains: the collection each thread keeps in static field `CACHE`
    private static final ThreadLocal<Map<ProxyKey, Object>> CACHE =
        ThreadLocal.withInitial(HashMap::new);

    public static Object proxy(Class<?> type, String argument) {
      return CACHE.get().computeIfAbsent(new ProxyKey(type, argument), key -> new Object());
    }
  }

  // ---- emptied per request: no finding ----

  /** Request attributes kept per thread, removed when the request ends. */
  public static final class RequestAttributes implements Filter {
    private static final ThreadLocal<Map<String, Object>> ATTRIBUTES =
        ThreadLocal.withInitial(() -> new HashMap<>());

    public static void set(String name, Object value) {
      ATTRIBUTES.get().put(name, value);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      try {
        set("remote", request.getRemoteAddr());
        chain.doFilter(request, response);
      } finally {
        ATTRIBUTES.remove();
      }
    }
  }
}
