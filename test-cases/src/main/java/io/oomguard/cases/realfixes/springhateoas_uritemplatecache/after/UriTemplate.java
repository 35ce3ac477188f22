/*
 * Modeled on Spring HATEOAS, issue https://github.com/spring-projects/spring-hateoas/issues/1118
 * ("MemoryLeak caused by UriTemplate cache", backport #1123), fixed by
 * https://github.com/spring-projects/spring-hateoas/commit/d0198d5ff5a56196c4582c6784d4b5378be65bee
 * ("Switch to ConcurrentReferenceHashMap to cache UriTemplate instances").
 *
 * UriTemplate.of interned every template string it was given in a static ConcurrentHashMap
 * (computeIfAbsent(template, UriTemplate::new)). Since 1.0 every Link parses its href through
 * UriTemplate.of, templated or not, so an API that renders links with concrete URLs (ids in the
 * path) added one entry per distinct URL, never evicted, until OutOfMemoryError.
 *
 * The fix: the cache became Spring's ConcurrentReferenceHashMap, whose entries are soft
 * references the garbage collector can clear.
 */
package io.oomguard.cases.realfixes.springhateoas_uritemplatecache.after;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.ConcurrentReferenceHashMap;

/** A URI template such as /orders/{id}{?page,size}; immutable. */
public class UriTemplate {

  private static final Pattern VARIABLE_REGEX = Pattern.compile("\\{([\\?\\&#/]?)([\\w\\,*]+)\\}");

  private static final Map<String, UriTemplate> CACHE = new ConcurrentReferenceHashMap<>();

  private final String baseUri;
  private final List<String> variables;

  private UriTemplate(String template) {
    Matcher matcher = VARIABLE_REGEX.matcher(template);
    List<String> names = new ArrayList<>();
    int baseUriEndIndex = template.length();
    while (matcher.find()) {
      baseUriEndIndex = Math.min(baseUriEndIndex, matcher.start());
      for (String name : matcher.group(2).split(",")) {
        names.add(name);
      }
    }
    this.baseUri = template.substring(0, baseUriEndIndex);
    this.variables = Collections.unmodifiableList(names);
  }

  /** Returns the template for the given string, parsed once. */
  public static UriTemplate of(String template) {
    if (template == null || template.isEmpty()) {
      throw new IllegalArgumentException("Template must not be null or empty!");
    }
    return CACHE.computeIfAbsent(template, UriTemplate::new);
  }

  public List<String> getVariableNames() {
    return variables;
  }

  public String expand(Map<String, ?> parameters) {
    StringBuilder result = new StringBuilder(baseUri);
    char separator = '?';
    for (String name : variables) {
      Object value = parameters.get(name);
      if (value != null) {
        result.append(separator).append(name).append('=').append(value);
        separator = '&';
      }
    }
    return result.toString();
  }

  @Override
  public String toString() {
    return variables.isEmpty() ? baseUri : baseUri + "{?" + String.join(",", variables) + "}";
  }
}
