package io.oomguard.cases.realfixes.spring_viewcache.after;

import java.util.Locale;

/** Resolves a logical view name returned by a handler to a View. */
public interface ViewResolver {
  View resolveViewName(String viewName, Locale locale) throws Exception;
}
