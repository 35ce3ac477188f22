package io.oomguard.cases.realfixes.struts_ognlexpressioncache.after;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The default cache: a ConcurrentHashMap that is flushed when it exceeds its limit. */
public class OgnlDefaultCache<Key, Value> implements OgnlCache<Key, Value> {

  private final ConcurrentHashMap<Key, Value> ognlCache;
  private final AtomicInteger cacheEvictionLimit = new AtomicInteger(25000);

  public OgnlDefaultCache(int evictionLimit, int initialCapacity, float loadFactor) {
    this.cacheEvictionLimit.set(evictionLimit);
    ognlCache = new ConcurrentHashMap<>(initialCapacity, loadFactor);
  }

  @Override
  public Value get(Key key) {
    return ognlCache.get(key);
  }

  @Override
  public void put(Key key, Value value) {
    ognlCache.put(key, value);
    this.clearIfEvictionLimitExceeded();
  }

  @Override
  public void putIfAbsent(Key key, Value value) {
    ognlCache.putIfAbsent(key, value);
    this.clearIfEvictionLimitExceeded();
  }

  @Override
  public int size() {
    return ognlCache.size();
  }

  @Override
  public void clear() {
    ognlCache.clear();
  }

  @Override
  public int getEvictionLimit() {
    return this.cacheEvictionLimit.get();
  }

  @Override
  public void setEvictionLimit(int cacheEvictionLimit) {
    this.cacheEvictionLimit.set(cacheEvictionLimit);
  }

  /** Clears the whole cache once it holds more entries than the limit. */
  private void clearIfEvictionLimitExceeded() {
    if (ognlCache.size() > cacheEvictionLimit.get()) {
      ognlCache.clear();
    }
  }
}
