package io.oomguard.cases.realfixes.spring_antpathmatcher.after;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;

/** Finds the handler method for a request and exposes the URI template variables. */
public class RequestMappingHandlerMapping {

  public static final String BEST_MATCHING_PATTERN_ATTRIBUTE = "bestMatchingPattern";
  public static final String URI_TEMPLATE_VARIABLES_ATTRIBUTE = "uriTemplateVariables";

  private PathMatcher pathMatcher = new AntPathMatcher();

  private final Map<RequestMappingInfo, HandlerMethod> mappings =
      new LinkedHashMap<RequestMappingInfo, HandlerMethod>();

  public void setPathMatcher(PathMatcher pathMatcher) {
    this.pathMatcher = pathMatcher;
  }

  public PathMatcher getPathMatcher() {
    return pathMatcher;
  }

  /** Called while the application context starts, once per controller method. */
  public void registerMapping(RequestMappingInfo info, HandlerMethod handler) {
    mappings.put(info, handler);
  }

  public HandlerMethod getHandler(HttpServletRequest request) {
    String lookupPath = request.getRequestURI().substring(request.getContextPath().length());
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.entrySet()) {
      RequestMappingInfo info = entry.getKey();
      if (!info.getMethod().equals(request.getMethod())) {
        continue;
      }
      if (info.getPatterns().isEmpty() || matchesAny(info.getPatterns(), lookupPath)) {
        handleMatch(info, lookupPath, request);
        return entry.getValue();
      }
    }
    return null;
  }

  private boolean matchesAny(Set<String> patterns, String lookupPath) {
    for (String pattern : patterns) {
      if (getPathMatcher().match(pattern, lookupPath)) {
        return true;
      }
    }
    return false;
  }

  /** Exposes the best matching pattern and the URI template variables in the request. */
  protected void handleMatch(
      RequestMappingInfo info, String lookupPath, HttpServletRequest request) {
    String bestPattern;
    Map<String, String> uriVariables;

    Set<String> patterns = info.getPatterns();
    if (patterns.isEmpty()) {
      bestPattern = lookupPath;
      uriVariables = Collections.emptyMap();
    } else {
      bestPattern = patterns.iterator().next();
      uriVariables = getPathMatcher().extractUriTemplateVariables(bestPattern, lookupPath);
    }

    request.setAttribute(BEST_MATCHING_PATTERN_ATTRIBUTE, bestPattern);
    request.setAttribute(URI_TEMPLATE_VARIABLES_ATTRIBUTE, uriVariables);
  }
}
