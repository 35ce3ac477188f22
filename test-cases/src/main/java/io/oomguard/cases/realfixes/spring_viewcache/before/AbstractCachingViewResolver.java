/*
 * Modeled on Spring Framework, issue SPR-10065 (https://jira.spring.io/browse/SPR-10065), fixed by
 * https://github.com/spring-projects/spring-framework/commit/9deaefe74d9b79d22328ae0f1ede0830ac30ce20
 * ("AbstractCachingViewResolver uses a cache limit of 1024 by default, avoiding overflow for
 * redirect URLs").
 *
 * AbstractCachingViewResolver kept every resolved View in a plain HashMap keyed by view name and
 * locale. Controllers that return "redirect:/orders/" + id produce a new view name per request, so
 * the resolver bean (alive as long as the application) cached one RedirectView per id and grew
 * until the heap was gone. The map had remove/clear methods, but nothing called them per request.
 */
package io.oomguard.cases.realfixes.spring_viewcache.before;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Base class of the view resolvers: resolves a view name once and caches the View. */
public abstract class AbstractCachingViewResolver implements ViewResolver {

  /** Whether we should cache views, once resolved. */
  private boolean cache = true;

  /** Whether we should refrain from resolving views again if unresolved once. */
  private boolean cacheUnresolved = true;

  /** Map from view key to View instance. */
  // BUG: Diagnostic contains: UnboundedCache
  private final Map<Object, View> viewCache = new HashMap<Object, View>();

  public void setCache(boolean cache) {
    this.cache = cache;
  }

  public boolean isCache() {
    return this.cache;
  }

  public void setCacheUnresolved(boolean cacheUnresolved) {
    this.cacheUnresolved = cacheUnresolved;
  }

  @Override
  public View resolveViewName(String viewName, Locale locale) throws Exception {
    if (!isCache()) {
      return createView(viewName, locale);
    }
    Object cacheKey = getCacheKey(viewName, locale);
    synchronized (this.viewCache) {
      View view = this.viewCache.get(cacheKey);
      if (view == null && (!this.cacheUnresolved || !this.viewCache.containsKey(cacheKey))) {
        // Ask the subclass to create the View object.
        view = createView(viewName, locale);
        if (view != null || this.cacheUnresolved) {
          this.viewCache.put(cacheKey, view);
        }
      }
      return view;
    }
  }

  /** The cache key: the view name and the locale. */
  protected Object getCacheKey(String viewName, Locale locale) {
    return viewName + "_" + locale;
  }

  /** Lets a developer drop one view after changing its template at run time. */
  public void removeFromCache(String viewName, Locale locale) {
    if (this.cache) {
      Object cacheKey = getCacheKey(viewName, locale);
      synchronized (this.viewCache) {
        this.viewCache.remove(cacheKey);
      }
    }
  }

  /** Drops every cached view. */
  public void clearCache() {
    synchronized (this.viewCache) {
      this.viewCache.clear();
    }
  }

  protected View createView(String viewName, Locale locale) throws Exception {
    return loadView(viewName, locale);
  }

  protected abstract View loadView(String viewName, Locale locale) throws Exception;
}
