package io.oomguard.cases.caches;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Singleton;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Servlets, filters, JDK HTTP handlers, CDI and JSR-330 singletons and enum singletons: one
 * instance serves every request, so their instance fields live as long as the application.
 */
public final class ContainerSingletonCaches {
  private ContainerSingletonCaches() {}

  /** A servlet remembering the rendered page for every query string it was sent. */
  static class CatalogServlet extends HttpServlet {
    // BUG: Diagnostic contains: field `pages` of the servlet `CatalogServlet`
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      String page = pages.computeIfAbsent(request.getQueryString(), q -> "<html>" + q + "</html>");
      response.getWriter().write(page);
    }
  }

  /** A filter recording every client address it has seen. */
  static class ClientTrackingFilter implements Filter {
    // BUG: Diagnostic contains: `ClientTrackingFilter.doFilter`
    private final Set<String> clients = ConcurrentHashMap.newKeySet();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      clients.add(request.getRemoteAddr());
      chain.doFilter(request, response);
    }
  }

  /** A JDK HttpHandler keeping a per-path hit list. */
  static class HitHandler implements HttpHandler {
    // BUG: Diagnostic contains: HttpHandler
    private final Map<String, List<Long>> hits = new HashMap<>();

    @Override
    public synchronized void handle(HttpExchange exchange) throws IOException {
      hits.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new ArrayList<>())
          .add(System.nanoTime());
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    }
  }

  /** A CDI application-scoped bean. */
  @ApplicationScoped
  static class TranslationService {
    // BUG: Diagnostic contains: @ApplicationScoped bean
    private final Map<String, String> translations = new ConcurrentHashMap<>();

    String translate(String text, String language) {
      return translations.computeIfAbsent(language + ":" + text, k -> k.toUpperCase());
    }
  }

  /** A JSR-330 singleton (Micronaut, Guice, Dagger). */
  @Singleton
  static class GeoIpLookup {
    // BUG: Diagnostic contains: @Singleton
    private final Map<String, String> countryByIp = new ConcurrentHashMap<>();

    String country(String ip) {
      return countryByIp.computeIfAbsent(ip, address -> address.startsWith("10.") ? "LAN" : "??");
    }
  }

  /** The enum singleton idiom. */
  enum TemplateEngine {
    INSTANCE;

    // BUG: Diagnostic contains: field `compiled` of the enum `TemplateEngine`
    private final Map<String, String[]> compiled = new ConcurrentHashMap<>();

    String[] compile(String template) {
      return compiled.computeIfAbsent(template, t -> t.split("\\{\\{|}}"));
    }
  }

  // ---- filled at start-up, evicting or short-lived: no finding ----

  /** Filled in the servlet's init(). */
  static class StaticContentServlet extends HttpServlet {
    private final Map<String, byte[]> files = new HashMap<>();

    @Override
    public void init() {
      files.put("/favicon.ico", new byte[0]);
      files.put("/robots.txt", "User-agent: *".getBytes());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      byte[] body = files.get(request.getRequestURI());
      response.getOutputStream().write(body == null ? new byte[0] : body);
    }
  }

  /** Rate-limit windows removed when they expire, through the values view. */
  static class RateLimitFilter implements Filter {
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      long now = System.currentTimeMillis();
      windows.computeIfAbsent(request.getRemoteAddr(), ip -> new long[] {now, 0})[1]++;
      windows.values().removeIf(window -> now - window[0] > 60_000);
      chain.doFilter(request, response);
    }
  }

  /** A request-scoped bean is created and discarded per request. */
  @RequestScoped
  static class RequestContext {
    private final Map<String, Object> attributes = new HashMap<>();

    void put(String name, Object value) {
      attributes.put(name, value);
    }
  }

  /** A handler whose set is trimmed through an explicit iterator. */
  static class SessionHandler implements HttpHandler {
    private final Set<String> active = new HashSet<>();

    @Override
    public synchronized void handle(HttpExchange exchange) throws IOException {
      active.add(exchange.getRemoteAddress().getHostString());
      Iterator<String> it = active.iterator();
      while (active.size() > 100 && it.hasNext()) {
        it.next();
        it.remove();
      }
      exchange.close();
    }
  }

  /** Configured through a setter the container calls with the init parameter. */
  static class EntryPointFilter implements Filter {
    private final Set<String> entryPoints = new HashSet<>();

    public void setEntryPoints(String entryPoints) {
      for (String path : entryPoints.split(",")) {
        this.entryPoints.add(path.trim());
      }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (entryPoints.contains(((HttpServletRequest) request).getServletPath())) {
        chain.doFilter(request, response);
      }
    }
  }
}
