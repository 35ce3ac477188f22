/*
 * Modeled on Spring Framework, issue SPR-10803 (https://jira.spring.io/browse/SPR-10803, PR
 * https://github.com/spring-projects/spring-framework/pull/343), fixed by
 * https://github.com/spring-projects/spring-framework/commit/326154270fa6338010a1c047044fc4a9f21e910b
 * (AntPathMatcher: cache turn-off threshold) and
 * https://github.com/spring-projects/spring-framework/commit/a7af9505dee01340ac225814f9f90252bb7d725e
 * (RequestMappingInfoHandlerMapping: no matcher call when the lookup path is the pattern).
 *
 * The handler mapping's single AntPathMatcher cached a compiled matcher per pattern segment in a
 * ConcurrentHashMap that never shrank. For mappings without a path pattern the handler mapping
 * passed the request's own lookup path as the "pattern", so every distinct URL segment (ids,
 * tokens) became a cache entry, per request, for the life of the application.
 *
 * The fix: the cache turns itself off (and is cleared) once it reaches 65536 entries, unless
 * pattern caching was configured explicitly; and the handler mapping no longer runs the matcher
 * when the lookup path itself is the best pattern.
 */
package io.oomguard.cases.realfixes.spring_antpathmatcher.after;

import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ant-style path matching; one instance is shared by the handler mapping. */
public class AntPathMatcher implements PathMatcher {

  private static final int CACHE_TURNOFF_THRESHOLD = 65536;

  public static final String DEFAULT_PATH_SEPARATOR = "/";

  private String pathSeparator = DEFAULT_PATH_SEPARATOR;

  private volatile Boolean cachePatterns;

  private final Map<String, AntPathStringMatcher> stringMatcherCache =
      new ConcurrentHashMap<String, AntPathStringMatcher>(256);

  public void setPathSeparator(String pathSeparator) {
    this.pathSeparator = (pathSeparator != null ? pathSeparator : DEFAULT_PATH_SEPARATOR);
  }

  /**
   * true: cache without limit; false: no cache. Unset (the default): cache, but turn the cache off
   * when it reaches the threshold, since patterns are then unlikely to reoccur.
   */
  public void setCachePatterns(boolean cachePatterns) {
    this.cachePatterns = cachePatterns;
  }

  @Override
  public boolean match(String pattern, String path) {
    return doMatch(pattern, path, true, null);
  }

  @Override
  public Map<String, String> extractUriTemplateVariables(String pattern, String path) {
    Map<String, String> variables = new LinkedHashMap<String, String>();
    boolean result = doMatch(pattern, path, true, variables);
    if (!result) {
      throw new IllegalStateException(
          "Pattern \"" + pattern + "\" is not a match for \"" + path + "\"");
    }
    return variables;
  }

  /** Matches segment by segment; "**" is left out of this reduced version. */
  protected boolean doMatch(
      String pattern, String path, boolean fullMatch, Map<String, String> uriTemplateVariables) {
    if (path.startsWith(this.pathSeparator) != pattern.startsWith(this.pathSeparator)) {
      return false;
    }
    String[] pattDirs = tokenize(pattern);
    String[] pathDirs = tokenize(path);
    if (fullMatch && pattDirs.length != pathDirs.length) {
      return false;
    }
    int count = Math.min(pattDirs.length, pathDirs.length);
    for (int i = 0; i < count; i++) {
      if (!matchStrings(pattDirs[i], pathDirs[i], uriTemplateVariables)) {
        return false;
      }
    }
    return true;
  }

  private String[] tokenize(String path) {
    String trimmed = path.startsWith(pathSeparator) ? path.substring(1) : path;
    return trimmed.isEmpty() ? new String[0] : trimmed.split(Pattern.quote(pathSeparator));
  }

  /** Tests one pattern segment against one path segment, through the matcher cache. */
  private boolean matchStrings(
      String pattern, String str, Map<String, String> uriTemplateVariables) {
    return getStringMatcher(pattern).matchStrings(str, uriTemplateVariables);
  }

  protected AntPathStringMatcher getStringMatcher(String pattern) {
    AntPathStringMatcher matcher = null;
    Boolean cachePatterns = this.cachePatterns;
    if (cachePatterns == null || cachePatterns.booleanValue()) {
      matcher = this.stringMatcherCache.get(pattern);
    }
    if (matcher == null) {
      matcher = new AntPathStringMatcher(pattern);
      if (cachePatterns == null && this.stringMatcherCache.size() >= CACHE_TURNOFF_THRESHOLD) {
        // Too many different patterns are coming in: they are unlikely to reoccur.
        this.cachePatterns = false;
        this.stringMatcherCache.clear();
        return matcher;
      }
      if (cachePatterns == null || cachePatterns.booleanValue()) {
        this.stringMatcherCache.put(pattern, matcher);
      }
    }
    return matcher;
  }

  /** A pattern segment compiled to a regex: '*', '?' and '{name}' are special. */
  protected static class AntPathStringMatcher {

    private static final Pattern GLOB_PATTERN =
        Pattern.compile("\\?|\\*|\\{((?:\\{[^/]+?\\}|[^/{}]|\\\\[{}])+?)\\}");

    private static final String DEFAULT_VARIABLE_PATTERN = "(.*)";

    private final Pattern pattern;

    private final List<String> variableNames = new LinkedList<String>();

    public AntPathStringMatcher(String pattern) {
      StringBuilder patternBuilder = new StringBuilder();
      Matcher m = GLOB_PATTERN.matcher(pattern);
      int end = 0;
      while (m.find()) {
        patternBuilder.append(quote(pattern, end, m.start()));
        String match = m.group();
        if ("?".equals(match)) {
          patternBuilder.append('.');
        } else if ("*".equals(match)) {
          patternBuilder.append(".*");
        } else {
          patternBuilder.append(DEFAULT_VARIABLE_PATTERN);
          this.variableNames.add(m.group(1));
        }
        end = m.end();
      }
      patternBuilder.append(quote(pattern, end, pattern.length()));
      this.pattern = Pattern.compile(patternBuilder.toString());
    }

    private String quote(String s, int start, int end) {
      return start == end ? "" : Pattern.quote(s.substring(start, end));
    }

    public boolean matchStrings(String str, Map<String, String> uriTemplateVariables) {
      Matcher matcher = this.pattern.matcher(str);
      if (!matcher.matches()) {
        return false;
      }
      if (uriTemplateVariables != null) {
        for (int i = 1; i <= matcher.groupCount(); i++) {
          uriTemplateVariables.put(this.variableNames.get(i - 1), matcher.group(i));
        }
      }
      return true;
    }
  }
}
