/*
 * Modeled on Logstash, issue https://github.com/elastic/logstash/issues/9136 ("FieldReferences are
 * cached indefinitely, making an infinite space of event field names impossible"; also #8019),
 * fixed by PR https://github.com/elastic/logstash/pull/9141, commit
 * 366383d62f366e33c18656596c566e403109f23d ("Put upper limit of FieldReference cache size").
 *
 * Every field name an event was read or written with was parsed once into a FieldReference and
 * kept forever: in CACHE (reference string to parsed reference) and, interned, in DEDUP. With
 * dynamic field names (a kv filter on random keys, names built from host names or ids) both
 * static maps grew with every new name the pipeline saw, until the heap was exhausted.
 *
 * The fix: a parsed reference is deduplicated and cached only while CACHE holds fewer than 10,000
 * entries; beyond that, references are parsed per call and not kept. (DEDUP is filled only on that
 * same path, so the cap on CACHE bounds it too.)
 */
package io.oomguard.cases.realfixes.logstash_fieldreferencecache.after;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A parsed field reference such as [nested][field]; shared, compared by value. */
public final class FieldReference {

  private static final String[] EMPTY_STRING_ARRAY = new String[0];

  private static final Map<FieldReference, FieldReference> DEDUP = new HashMap<>(64);

  private static final Map<CharSequence, FieldReference> CACHE =
      new ConcurrentHashMap<>(64, 0.2F, 1);

  private final String[] path;
  private final String key;
  private final int hash;

  private FieldReference(final String[] path, final String key) {
    this.key = key;
    this.path = path;
    this.hash = 31 * Arrays.hashCode(path) + key.hashCode();
  }

  public static FieldReference from(final CharSequence reference) {
    // atomicity between the get and put is not important
    final FieldReference result = CACHE.get(reference);
    if (result != null) {
      return result;
    }
    return parseToCache(reference);
  }

  public String[] getPath() {
    return path;
  }

  public String getKey() {
    return key;
  }

  @Override
  public boolean equals(final Object that) {
    if (this == that) {
      return true;
    }
    if (!(that instanceof FieldReference)) {
      return false;
    }
    final FieldReference other = (FieldReference) that;
    return key.equals(other.key) && Arrays.equals(path, other.path);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  private static synchronized FieldReference deduplicate(final FieldReference parsed) {
    FieldReference ret = DEDUP.get(parsed);
    if (ret == null) {
      DEDUP.put(parsed, parsed);
      ret = parsed;
    }
    return ret;
  }

  private static FieldReference parseToCache(final CharSequence reference) {
    FieldReference result = parse(reference);
    if (CACHE.size() < 10_000) {
      result = deduplicate(result);
      CACHE.put(reference, result);
    }
    return result;
  }

  private static FieldReference parse(final CharSequence reference) {
    final ArrayList<String> path = new ArrayList<>();
    final int length = reference.length();
    int splitPoint = 0;
    for (int i = 0; i < length; ++i) {
      final char seen = reference.charAt(i);
      if (seen == '[' || seen == ']') {
        if (i == 0) {
          splitPoint = 1;
        }
        if (i > splitPoint) {
          path.add(reference.subSequence(splitPoint, i).toString().intern());
        }
        splitPoint = i + 1;
      }
    }
    if (splitPoint < length || length == 0) {
      path.add(reference.subSequence(splitPoint, length).toString().intern());
    }
    final String key = path.remove(path.size() - 1).intern();
    return new FieldReference(path.toArray(EMPTY_STRING_ARRAY), key);
  }
}
