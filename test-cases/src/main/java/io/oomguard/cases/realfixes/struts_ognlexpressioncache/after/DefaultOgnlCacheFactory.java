package io.oomguard.cases.realfixes.struts_ognlexpressioncache.after;

/** Builds an OgnlDefaultCache with the configured limit (25000 unless set). */
public class DefaultOgnlCacheFactory<Key, Value> implements OgnlCacheFactory<Key, Value> {
  private int cacheMaxSize = 25000;

  protected void setCacheMaxSize(String maxSize) {
    this.cacheMaxSize = Integer.parseInt(maxSize);
  }

  @Override
  public OgnlCache<Key, Value> buildOgnlCache() {
    return new OgnlDefaultCache<>(cacheMaxSize, 16, 0.75f);
  }
}
