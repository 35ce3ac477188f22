package io.oomguard.checker.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class NonRepeatingCacheKeyTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(NonRepeatingCacheKey.class, getClass());

  @Test
  void bucketedTimeKey_noFinding() {
    helper
        .addSourceLines(
            "Limits.java",
            "import com.github.benmanes.caffeine.cache.*;",
            "class Limits {",
            "  private final Cache<String, Integer> windows = Caffeine.newBuilder().maximumSize(9).build();",
            "  int window(String client) {",
            "    long minute = System.currentTimeMillis() / 60_000;",
            "    return windows.get(client + minute, k -> 0);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void timeInValueOnly_noFinding() {
    helper
        .addSourceLines(
            "Seen.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "class Seen {",
            "  private static final Map<String, Long> LAST = new ConcurrentHashMap<>();",
            "  static void seen(String user) { LAST.put(user, System.currentTimeMillis()); }",
            "}")
        .doTest();
  }

  @Test
  void sessionIdReturnedToCaller_noFinding() {
    helper
        .addSourceLines(
            "Sessions.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "class Sessions {",
            "  private static final Map<String, String> SESSIONS = new ConcurrentHashMap<>();",
            "  static String open(String user) {",
            "    String id = UUID.randomUUID().toString();",
            "    SESSIONS.put(id, user);",
            "    return id;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void localMapKeyedByTime_noFinding() {
    helper
        .addSourceLines(
            "Local.java",
            "import java.util.*;",
            "class Local {",
            "  Map<Long, String> m(String s) {",
            "    Map<Long, String> byTime = new HashMap<>();",
            "    byTime.put(System.nanoTime(), s);",
            "    return byTime;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void recordKey_noFinding() {
    helper
        .addSourceLines(
            "Quotes.java",
            "import com.github.benmanes.caffeine.cache.*;",
            "class Quotes {",
            "  record Key(String symbol, String currency) {}",
            "  private final Cache<Key, Double> q = Caffeine.newBuilder().maximumSize(9).build();",
            "  double quote(String s, String c) { return q.get(new Key(s, c), k -> 1.0); }",
            "}")
        .doTest();
  }

  @Test
  void timestampThroughLocal_reportedOnceAtTheWrite() {
    helper
        .addSourceLines(
            "Reports.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "class Reports {",
            "  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();",
            "  static String report(String customer) {",
            "    String key = customer + System.currentTimeMillis();",
            "    String cached = CACHE.get(key);",
            "    if (cached == null) {",
            "      cached = customer.trim();",
            "      // BUG: Diagnostic contains: key of cache `CACHE` includes"
                + " `System.currentTimeMillis()` (through `key`)",
            "      CACHE.put(key, cached);",
            "    }",
            "    return cached;",
            "  }",
            "  static void clear() { CACHE.clear(); }",
            "}")
        .doTest();
  }

  @Test
  void keyWithoutValueEquals_reported() {
    helper
        .addSourceLines(
            "Prices.java",
            "import com.github.benmanes.caffeine.cache.*;",
            "class Prices {",
            "  static class Key { Key(String s) {} }",
            "  private final Cache<Object, Double> p = Caffeine.newBuilder().maximumSize(9).build();",
            "  double price(String s) {",
            "    // BUG: Diagnostic contains: a new `Key` (it does not override equals/hashCode",
            "    return p.get(new Key(s), k -> 1.0);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void counterKeyInGuavaCache_reported() {
    helper
        .addSourceLines(
            "Pages.java",
            "import com.google.common.cache.*;",
            "import java.util.concurrent.atomic.AtomicLong;",
            "class Pages {",
            "  private final AtomicLong n = new AtomicLong();",
            "  private final Cache<String, String> pages = CacheBuilder.newBuilder().maximumSize(9).build();",
            "  void render(String page) {",
            "    // BUG: Diagnostic contains: `n.incrementAndGet()`",
            "    pages.put(page + n.incrementAndGet(), page);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void cacheableSpelWithCurrentTime_reportedAtAnnotation() {
    helper
        .addSourceLines(
            "Invoices.java",
            "import org.springframework.cache.annotation.Cacheable;",
            "class Invoices {",
            "  // BUG: Diagnostic contains: @Cacheable key for \"inv\" includes"
                + " `T(System).currentTimeMillis()`",
            "  @Cacheable(cacheNames = \"inv\", key = \"#id + T(System).currentTimeMillis()\")",
            "  public String latest(String id) { return id; }",
            "  @Cacheable(cacheNames = \"inv\", key = \"#id + T(System).currentTimeMillis() / 1000\")",
            "  public String bucketed(String id) { return id; }",
            "}")
        .doTest();
  }

  @Test
  void suppressed_noFinding() {
    helper
        .addSourceLines(
            "Journal.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "class Journal {",
            "  private static final Map<String, String> LINES = new ConcurrentHashMap<>();",
            "  @SuppressWarnings(\"NonRepeatingCacheKey\")",
            "  static void a(String l) { LINES.put(System.nanoTime() + l, l); }",
            "  @io.oomguard.annotations.OomSafe(\"debug only\")",
            "  static void b(String l) { LINES.put(System.nanoTime() + l, l); }",
            "}")
        .doTest();
  }

  @Test
  void identityKeyLookupInTableFilledOnce_saysLookupsMissWithoutClaimingGrowth() {
    helper
        .addSourceLines(
            "Ciphers.java",
            "import java.util.*;",
            "class Ciphers {",
            "  static final class Key {",
            "    final byte a, b;",
            "    Key(byte a, byte b) { this.a = a; this.b = b; }",
            "  }",
            "  private static final Map<Key, String> NAMES;",
            "  static {",
            "    Map<Key, String> names = new HashMap<>();",
            "    names.put(new Key((byte) 0, (byte) 1), \"NULL_WITH_MD5\");",
            "    NAMES = Collections.unmodifiableMap(names);",
            "  }",
            "  static boolean known(byte a, byte b) {",
            "    // BUG: Diagnostic matches: READ_ONLY",
            "    return NAMES.get(new Key(a, b)) != null;",
            "  }",
            "}")
        .expectErrorMessage(
            "READ_ONLY",
            message ->
                message.contains("every lookup misses. The map is only filled at initialization")
                    && !message.contains("only grows"))
        .doTest();
  }

  @Test
  void identityKeyLookupInMapWrittenAtRunTime_saysCacheGrows() {
    helper
        .addSourceLines(
            "Routes.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "class Routes {",
            "  static final class Key { Key(String s) {} }",
            "  private static final Map<Key, String> ROUTES = new ConcurrentHashMap<>();",
            "  static String route(String path) {",
            "    // BUG: Diagnostic contains: every write adds an entry nobody will read again, so"
                + " the cache only grows",
            "    return ROUTES.computeIfAbsent(new Key(path), k -> path.trim());",
            "  }",
            "  static String peek(String path) {",
            "    // BUG: Diagnostic contains: so the cache only grows",
            "    return ROUTES.get(new Key(path));",
            "  }",
            "}")
        .doTest();
  }
}
