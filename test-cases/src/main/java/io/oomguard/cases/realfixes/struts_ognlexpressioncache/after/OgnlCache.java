package io.oomguard.cases.realfixes.struts_ognlexpressioncache.after;

/** A cache of parsed expressions (or bean infos) with an eviction limit. */
public interface OgnlCache<Key, Value> {
  Value get(Key key);

  void put(Key key, Value value);

  void putIfAbsent(Key key, Value value);

  int size();

  void clear();

  int getEvictionLimit();

  void setEvictionLimit(int cacheEvictionLimit);
}
