package io.oomguard.cases.realfixes.fastjson_parameterizedtype.before;

/** fastjson's own concurrent map keyed by reference identity (a fixed table of chains). */
@SuppressWarnings("unchecked")
public class IdentityHashMap<K, V> {
  public static final int DEFAULT_SIZE = 8192;

  private final Entry<K, V>[] buckets;
  private final int indexMask;

  public IdentityHashMap() {
    this(DEFAULT_SIZE);
  }

  public IdentityHashMap(int tableSize) {
    this.indexMask = tableSize - 1;
    this.buckets = new Entry[tableSize];
  }

  public final V get(K key) {
    final int hash = System.identityHashCode(key);
    final int bucket = hash & indexMask;
    for (Entry<K, V> entry = buckets[bucket]; entry != null; entry = entry.next) {
      if (key == entry.key) {
        return entry.value;
      }
    }
    return null;
  }

  public boolean put(K key, V value) {
    final int hash = System.identityHashCode(key);
    final int bucket = hash & indexMask;
    for (Entry<K, V> entry = buckets[bucket]; entry != null; entry = entry.next) {
      if (key == entry.key) {
        entry.value = value;
        return true;
      }
    }
    buckets[bucket] = new Entry<K, V>(key, value, hash, buckets[bucket]);
    return false;
  }

  protected static final class Entry<K, V> {
    public final int hashCode;
    public final K key;
    public V value;
    public final Entry<K, V> next;

    public Entry(K key, V value, int hash, Entry<K, V> next) {
      this.key = key;
      this.value = value;
      this.next = next;
      this.hashCode = hash;
    }
  }
}
