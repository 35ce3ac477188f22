package io.oomguard.cases.realfixes.spring_antpathmatcher.after;

import java.util.Set;

/**
 * What a handler method is mapped to. A method mapped without a path ({@code @RequestMapping} on
 * the method alone) has no patterns and matches whatever path reaches it.
 */
public class RequestMappingInfo {
  private final Set<String> patterns;
  private final String method;

  public RequestMappingInfo(Set<String> patterns, String method) {
    this.patterns = patterns;
    this.method = method;
  }

  public Set<String> getPatterns() {
    return patterns;
  }

  public String getMethod() {
    return method;
  }
}
