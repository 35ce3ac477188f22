package io.oomguard.checker.checks;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class UnboundedCacheTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(UnboundedCache.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(UnboundedCache.class, getClass());

  @Test
  void staticTableFilledInStaticInitializer_noFinding() {
    helper
        .addSourceLines(
            "Table.java",
            "import java.util.*;",
            "class Table {",
            "  private static final Map<String, Integer> CODES = new HashMap<>();",
            "  static { for (String c : List.of(\"a\", \"b\")) { CODES.put(c, c.length()); } }",
            "  static int code(String c) { return CODES.get(c); }",
            "}")
        .doTest();
  }

  @Test
  void enumKeyedMemo_noFinding() {
    helper
        .addSourceLines(
            "Memo.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "class Memo {",
            "  enum Kind { A, B }",
            "  private static final Map<Kind, String> NAMES = new ConcurrentHashMap<>();",
            "  static String name(Kind k) { return NAMES.computeIfAbsent(k, Kind::name); }",
            "}")
        .doTest();
  }

  @Test
  void memoWithSizeGuard_noFinding() {
    helper
        .addSourceLines(
            "Memo.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "class Memo {",
            "  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();",
            "  static String get(String k) {",
            "    if (CACHE.size() >= 1_000) { return k.trim(); }",
            "    return CACHE.computeIfAbsent(k, String::trim);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void instanceMapOfOrdinaryObject_noFinding() {
    helper
        .addSourceLines(
            "Cart.java",
            "import java.util.*;",
            "class Cart {",
            "  private final Map<String, Integer> items = new HashMap<>();",
            "  void add(String sku) { items.merge(sku, 1, Integer::sum); }",
            "}")
        .doTest();
  }

  @Test
  void boundedBuilders_noFinding() {
    helper
        .addSourceLines(
            "Caches.java",
            "import com.github.benmanes.caffeine.cache.*;",
            "import java.time.Duration;",
            "class Caches {",
            "  Cache<String, String> a = Caffeine.newBuilder().maximumSize(10).build();",
            "  Cache<String, String> b = Caffeine.newBuilder()",
            "      .expireAfterWrite(Duration.ofMinutes(1)).build();",
            "}")
        .doTest();
  }

  @Test
  void staticMemoGrownAtRuntime_reportedAtFieldNamingGrowthSite() {
    helper
        .addSourceLines(
            "Patterns.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.regex.Pattern;",
            "class Patterns {",
            "  // BUG: Diagnostic contains: `computeIfAbsent` in `Patterns.compile` (line 7)",
            "  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();",
            "  static Pattern compile(String r) { return CACHE.computeIfAbsent(r, Pattern::compile); }",
            "}")
        .doTest();
  }

  @Test
  void springServiceInstanceMap_reported() {
    helper
        .addSourceLines(
            "UserService.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "@org.springframework.stereotype.Service",
            "class UserService {",
            "  // BUG: Diagnostic contains: field `users` of the Spring bean `UserService`",
            "  private final Map<Long, String> users = new ConcurrentHashMap<>();",
            "  String user(long id) { return users.computeIfAbsent(id, i -> \"user\" + i); }",
            "}")
        .doTest();
  }

  @Test
  void accessOrderedLinkedHashMapWithoutEviction_reported() {
    helper
        .addSourceLines(
            "Lru.java",
            "import java.util.*;",
            "class Lru {",
            "  // BUG: Diagnostic contains: access-ordered LinkedHashMap",
            "  private final Map<String, String> lru = new LinkedHashMap<>(16, 0.75f, true);",
            "  String get(String k) { return lru.computeIfAbsent(k, String::trim); }",
            "}")
        .doTest();
  }

  @Test
  void accessOrderedMapAssignedLaterToAShortLivedField_reported() {
    // Not long-lived, so only an LRU map can be reported on it: found among the values the class
    // gives it outside its initializer and constructors (here in a helper they call).
    helper
        .addSourceLines(
            "Session.java",
            "import java.util.*;",
            "class Session {",
            "  // BUG: Diagnostic contains: access-ordered LinkedHashMap",
            "  private Map<String, String> recent;",
            "  Session() { open(); }",
            "  private void open() { recent = new LinkedHashMap<>(16, 0.75f, true); }",
            "  void visit(String page) { recent.put(page, page); }",
            "}")
        .doTest();
  }

  @Test
  void shortLivedFieldInAClassWhoseOnlyLruMapIsALocal_notReported() {
    helper
        .addSourceLines(
            "Report.java",
            "import java.util.*;",
            "class Report {",
            "  private List<String> lines = new ArrayList<>();",
            "  void add(String line) { lines.add(line); }",
            "  Map<String, String> ordered() {",
            "    Map<String, String> lru = new LinkedHashMap<>(16, 0.75f, true);",
            "    for (String line : lines) { lru.put(line, line); }",
            "    return lru;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void longLivedFieldsGrownThroughCastsImportsAndReferences_reported() {
    // Each field grows only in one of the less direct ways the class's use scan counts as growth
    // (a cast, a statically imported addAll, a method reference); any shortcut before that scan
    // must see them too.
    helper
        .addSourceLines(
            "Registry.java",
            "import static java.util.Collections.addAll;",
            "import java.util.*;",
            "class Registry {",
            "  // BUG: Diagnostic contains: `put`",
            "  private static final Map<String, Object> CAST = new HashMap<>();",
            "  // BUG: Diagnostic contains: `Collections.addAll`",
            "  private static final List<String> IMPORTED = new ArrayList<>();",
            "  // BUG: Diagnostic contains: `add`",
            "  private static final Set<String> REFERENCED = new HashSet<>();",
            "  @io.oomguard.annotations.HotPath void handle(String key) { remember(key, List.of()); }",
            "  static void remember(String key, List<String> more) {",
            "    ((Map<String, Object>) (CAST)).put(key, key.trim());",
            "    addAll(IMPORTED, key, key);",
            "    more.forEach(REFERENCED::add);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void longLivedFieldOnlyReadAtRuntime_notReported() {
    helper
        .addSourceLines(
            "Lookup.java",
            "import java.util.*;",
            "class Lookup {",
            "  private static final Map<String, String> CODES = new HashMap<>();",
            "  private final List<String> log = new ArrayList<>();",
            "  static String code(String key) { return CODES.getOrDefault(key, key); }",
            "  void note(String line) { log.add(line); }",
            "}")
        .doTest();
  }

  @Test
  void unboundedCaffeineBuilder_reportedAtNewBuilder() {
    helper
        .addSourceLines(
            "Caches.java",
            "import com.github.benmanes.caffeine.cache.*;",
            "class Caches {",
            "  Cache<String, String> a =",
            "      // BUG: Diagnostic contains: Caffeine cache built with no maximumSize",
            "      Caffeine.newBuilder()",
            "          .recordStats()",
            "          .build();",
            "}")
        .doTest();
  }

  @Test
  void concurrentMapCacheManagerBean_reported() {
    helper
        .addSourceLines(
            "Config.java",
            "import org.springframework.cache.CacheManager;",
            "import org.springframework.cache.concurrent.ConcurrentMapCacheManager;",
            "import org.springframework.context.annotation.Bean;",
            "class Config {",
            "  @Bean CacheManager caches() {",
            "    // BUG: Diagnostic contains: `ConcurrentMapCacheManager` declared as a bean",
            "    return new ConcurrentMapCacheManager(\"a\");",
            "  }",
            "  CacheManager notABean() { return new ConcurrentMapCacheManager(\"b\"); }",
            "}")
        .doTest();
  }

  @Test
  void suppressedAtField_noFinding() {
    helper
        .addSourceLines(
            "Memo.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "class Memo {",
            "  @SuppressWarnings(\"UnboundedCache\")",
            "  private static final Map<String, String> A = new ConcurrentHashMap<>();",
            "  @io.oomguard.annotations.OomSafe(\"at most 50 tenants\")",
            "  private static final Map<String, String> B = new ConcurrentHashMap<>();",
            "  static String get(String k) {",
            "    return A.computeIfAbsent(k, String::trim) + B.computeIfAbsent(k, String::strip);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void replacement_addsMaximumSizeAndConstant() {
    refactoring
        .addInputLines(
            "Caches.java",
            "import com.github.benmanes.caffeine.cache.Cache;",
            "import com.github.benmanes.caffeine.cache.Caffeine;",
            "",
            "class Caches {",
            "  private final Cache<String, String> names = Caffeine.newBuilder().recordStats().build();",
            "}")
        .addOutputLines(
            "Caches.java",
            "import com.github.benmanes.caffeine.cache.Cache;",
            "import com.github.benmanes.caffeine.cache.Caffeine;",
            "",
            "class Caches {",
            "  private final Cache<String, String> names =",
            "      Caffeine.newBuilder().maximumSize(MAX_CACHE_ENTRIES).recordStats().build();",
            "",
            "  // TODO: review: the most entries this cache may hold (measure entry size against the"
                + " heap).",
            "  private static final long MAX_CACHE_ENTRIES = 10_000;",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void replacement_reusesExistingConstant() {
    refactoring
        .addInputLines(
            "Caches.java",
            "import com.google.common.cache.Cache;",
            "import com.google.common.cache.CacheBuilder;",
            "",
            "class Caches {",
            "  private static final long MAX_CACHE_ENTRIES = 500;",
            "  private final Cache<String, String> a = CacheBuilder.newBuilder().build();",
            "}")
        .addOutputLines(
            "Caches.java",
            "import com.google.common.cache.Cache;",
            "import com.google.common.cache.CacheBuilder;",
            "",
            "class Caches {",
            "  private static final long MAX_CACHE_ENTRIES = 500;",
            "  private final Cache<String, String> a =",
            "      CacheBuilder.newBuilder().maximumSize(MAX_CACHE_ENTRIES).build();",
            "}")
        .doTest(TestMode.TEXT_MATCH);
  }
}
