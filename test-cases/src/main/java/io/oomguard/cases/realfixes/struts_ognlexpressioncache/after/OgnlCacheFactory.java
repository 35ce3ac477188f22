package io.oomguard.cases.realfixes.struts_ognlexpressioncache.after;

/** Builds the caches OgnlUtil uses (an extension point of the container). */
public interface OgnlCacheFactory<Key, Value> {
  OgnlCache<Key, Value> buildOgnlCache();
}
