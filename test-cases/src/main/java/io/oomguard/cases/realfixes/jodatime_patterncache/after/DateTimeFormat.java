/*
 * Modeled on Joda-Time, PR https://github.com/JodaOrg/joda-time/pull/49 ("Avoid memory leak
 * through unbound HashMap", commit 41528730761eb223a3a95b4d755223c763065a04), merged as
 * https://github.com/JodaOrg/joda-time/commit/1516bade0148a8add828dc151e57f17e5fc9e247
 * ("Maximum size for pattern cache", Fixes #49).
 *
 * DateTimeFormat.forPattern cached every formatter it built in a static HashMap keyed by the
 * caller's pattern string, with no limit. Applications that build patterns at run time (from user
 * settings or request parameters) added an entry per distinct pattern for the life of the JVM.
 * The REST resource below is an illustrative caller; the fix is in the library.
 *
 * The fix: the cache became a LinkedHashMap that drops its eldest entry beyond 500 patterns.
 */
package io.oomguard.cases.realfixes.jodatime_patterncache.after;

import java.util.LinkedHashMap;
import java.util.Map;

/** Factory for formatters from patterns such as "yyyy-MM-dd". */
public class DateTimeFormat {

  /** Maximum size of the pattern cache. */
  private static final int PATTERN_CACHE_SIZE = 500;

  /** Maps patterns to formatters, patterns don't vary by locale. */
  private static final Map<String, DateTimeFormatter> cPatternedCache =
      new LinkedHashMap<String, DateTimeFormatter>(7) {
        private static final long serialVersionUID = 23L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, DateTimeFormatter> eldest) {
          return size() > PATTERN_CACHE_SIZE;
        }
      };

  protected DateTimeFormat() {}

  public static DateTimeFormatter forPattern(String pattern) {
    return createFormatterForPattern(pattern);
  }

  private static DateTimeFormatter createFormatterForPattern(String pattern) {
    if (pattern == null || pattern.length() == 0) {
      throw new IllegalArgumentException("Invalid pattern specification");
    }
    DateTimeFormatter formatter = null;
    synchronized (cPatternedCache) {
      formatter = cPatternedCache.get(pattern);
      if (formatter == null) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder();
        parsePatternTo(builder, pattern);
        formatter = builder.toFormatter();

        cPatternedCache.put(pattern, formatter);
      }
    }
    return formatter;
  }

  /** Splits the pattern into letter runs and literals. */
  private static void parsePatternTo(DateTimeFormatterBuilder builder, String pattern) {
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int j = i;
      while (j < pattern.length() && pattern.charAt(j) == c) {
        j++;
      }
      String token = pattern.substring(i, j);
      if (Character.isLetter(c)) {
        builder.appendField(token);
      } else {
        builder.appendLiteral(token);
      }
      i = j;
    }
  }
}
