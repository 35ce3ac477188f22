/*
 * Modeled on RESTEasy, issue RESTEASY-2646 (https://issues.redhat.com/browse/RESTEASY-2646), fixed
 * by https://github.com/resteasy/resteasy/pull/2471 (commit 556fa437f4913848d60a9fdfe2369aceedc71397,
 * "Fix match cache in RootNode grows infinitely").
 *
 * The registry's RootNode memoized the resource method chosen for each request in a
 * ConcurrentHashMap keyed by path, HTTP method, Content-Type and Accept. Requests whose
 * Content-Type carries a parameter that changes per request (a multipart boundary, a random
 * charset token) never produced an equal key, so each request added an entry for the life of the
 * deployment.
 *
 * The fix: requests whose Content-Type has parameters are no longer cached, and the cache is
 * cleared when it reaches a size limit (2048 by default, configurable by system property).
 */
package io.oomguard.cases.realfixes.resteasy_matchcache.after;

import java.util.concurrent.ConcurrentHashMap;

/** The root of the resource tree; matches a request to a resource method, with a cache. */
public class RootNode {
  private static final boolean CACHE =
      Boolean.parseBoolean(System.getProperty("resteasy.match.cache.enabled", "true"));
  private static final int CACHE_SIZE = Integer.getInteger("resteasy.match.cache.size", 2048);

  protected SegmentNode root = new SegmentNode("");

  protected ConcurrentHashMap<MatchCache.Key, MatchCache> cache = new ConcurrentHashMap<>();

  public ResourceInvoker match(HttpRequest request, int start) {
    if (!CACHE
        || (request.getMediaType() != null && !request.getMediaType().getParameters().isEmpty())) {
      return root.match(request, start).invoker;
    }
    MatchCache.Key key = new MatchCache.Key(request, start);
    MatchCache match = cache.get(key);
    if (match != null) {
      request.setAttribute(SegmentNode.RESTEASY_CHOSEN_ACCEPT, match.chosen);
    } else {
      match = root.match(request, start);
      if (match.match != null
          && match.match.numGroups == 0
          && match.invoker instanceof ResourceMethodInvoker) {
        match.match = null;
        if (cache.size() >= CACHE_SIZE) {
          cache.clear();
        }
        cache.putIfAbsent(key, match);
      }
    }
    return match.invoker;
  }

  public void addInvoker(String path, ResourceInvoker invoker) {
    root.addExpression(path, invoker);
  }
}
