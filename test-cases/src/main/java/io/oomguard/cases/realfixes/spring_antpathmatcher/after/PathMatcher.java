package io.oomguard.cases.realfixes.spring_antpathmatcher.after;

import java.util.Map;

/** Strategy for matching request paths against mapping patterns. */
public interface PathMatcher {
  boolean match(String pattern, String path);

  Map<String, String> extractUriTemplateVariables(String pattern, String path);
}
