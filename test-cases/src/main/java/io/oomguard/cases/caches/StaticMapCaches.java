package io.oomguard.cases.caches;

import com.google.common.collect.Maps;
import com.google.common.collect.Sets;
import io.oomguard.annotations.HotPath;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Static maps and collections: the memo caches that only grow are reported at the field; constant
 * tables, registries and maps with eviction, a size guard or a closed key domain are not.
 */
public final class StaticMapCaches {
  private StaticMapCaches() {}

  /** The classic: compiled patterns memoized per regex string, for any regex a caller sends. */
  static final class PatternCache {
    // BUG: Diagnostic contains: static field `PATTERNS` only grows
    // `computeIfAbsent` in `PatternCache.compile`
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    static Pattern compile(String regex) {
      return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }
  }

  /** Get-then-put behind a lock: the same leak, spelled the old way. */
  static final class ExchangeRates {
    // BUG: Diagnostic contains: UnboundedCache
    // `put` in `ExchangeRates.rate`
    private static final Map<String, Double> RATES = new HashMap<>();

    static synchronized double rate(String from, String to) {
      String pair = from + "/" + to;
      Double cached = RATES.get(pair);
      if (cached == null) {
        cached = fetch(from, to);
        RATES.put(pair, cached);
      }
      return cached;
    }

    private static double fetch(String from, String to) {
      return from.length() / (double) to.length();
    }
  }

  /** A de-duplication set fed by every message: remembers every id forever. */
  static final class DuplicateFilter {
    // BUG: Diagnostic contains: static field `SEEN_IDS`
    private static final Set<String> SEEN_IDS = Sets.newConcurrentHashSet();

    boolean firstTime(String messageId) {
      return SEEN_IDS.add(messageId.trim());
    }
  }

  /**
   * Every instance registers itself in a static list it is never removed from, and a connection is
   * opened per request.
   */
  static final class Connection {
    // BUG: Diagnostic contains: the constructor of `Connection`
    private static final List<Connection> OPEN = Collections.synchronizedList(new ArrayList<>());

    private final String host;

    Connection(String host) {
      this.host = host;
      OPEN.add(this);
    }

    String host() {
      return host;
    }
  }

  /** Opens a connection for every call. */
  static final class HostChecker {
    @HotPath
    String ping(String host) {
      return new Connection(host).host();
    }
  }

  /** A per-user counter map built with a Guava factory and merged into on every call. */
  static final class LoginCounter {
    // BUG: Diagnostic contains: `merge` in `LoginCounter.recordLogin`
    private static final ConcurrentMap<String, Integer> LOGINS = Maps.newConcurrentMap();

    static void recordLogin(String user) {
      LOGINS.merge(user.toLowerCase(), 1, Integer::sum);
    }
  }

  // ---- bounded or not a cache: no finding ----

  /** A constant table filled once in a static initializer. */
  static final class HttpStatusTexts {
    private static final Map<Integer, String> TEXTS = new HashMap<>();

    static {
      TEXTS.put(200, "OK");
      TEXTS.put(404, "Not Found");
      TEXTS.put(503, "Service Unavailable");
    }

    static String text(int status) {
      return TEXTS.getOrDefault(status, "Unknown");
    }
  }

  enum Region {
    EU,
    US,
    APAC
  }

  /** Keys from an enum: the map cannot hold more entries than there are constants. */
  static final class RegionEndpoints {
    private static final Map<Region, String> ENDPOINTS = new ConcurrentHashMap<>();
    private static final Map<Region, Integer> FAILURES = new EnumMap<>(Region.class);

    static String endpoint(Region region) {
      return ENDPOINTS.computeIfAbsent(region, r -> "https://" + r.name().toLowerCase() + ".api");
    }

    static synchronized void fail(Region region) {
      FAILURES.merge(region, 1, Integer::sum);
    }
  }

  /** Filled by a private loader that only the static initializer calls. */
  static final class MimeTypes {
    private static final Map<String, String> BY_EXTENSION = new HashMap<>();

    static {
      load();
    }

    private static void load() {
      for (String line : List.of("html=text/html", "json=application/json")) {
        String[] parts = line.split("=");
        BY_EXTENSION.put(parts[0], parts[1]);
      }
    }

    static String of(String extension) {
      return BY_EXTENSION.get(extension);
    }
  }

  /** Entries are removed when the upload finishes. */
  static final class UploadProgress {
    private static final Map<String, Long> BYTES_RECEIVED = new ConcurrentHashMap<>();

    static void progress(String uploadId, long bytes) {
      BYTES_RECEIVED.merge(uploadId, bytes, Long::sum);
    }

    static void finished(String uploadId) {
      BYTES_RECEIVED.remove(uploadId);
    }
  }

  /** A size guard: once full, new results are computed but not remembered. */
  static final class GeocodeCache {
    private static final int MAX_ENTRIES = 10_000;
    private static final Map<String, double[]> COORDINATES = new ConcurrentHashMap<>();

    static double[] geocode(String address) {
      double[] cached = COORDINATES.get(address);
      if (cached != null) {
        return cached;
      }
      double[] computed = {address.length(), address.hashCode()};
      if (COORDINATES.size() < MAX_ENTRIES) {
        COORDINATES.put(address, computed);
      }
      return computed;
    }
  }

  /**
   * A registry: plug-ins register themselves at start-up through {@code register}; how many there
   * are is decided by the callers, not by traffic.
   */
  static final class CodecRegistry {
    private static final Map<String, Runnable> CODECS = new ConcurrentHashMap<>();

    static void registerCodec(String name, Runnable codec) {
      CODECS.put(name, codec);
    }

    static Runnable codec(String name) {
      return CODECS.get(name);
    }
  }

  /** Reflection caches are bounded by the classes and methods that exist. */
  static final class HandlerMethods {
    private static final Map<Class<?>, Method[]> METHODS = new ConcurrentHashMap<>();
    private static final Map<Method, String> NAMES = new ConcurrentHashMap<>();

    static Method[] methods(Class<?> type) {
      return METHODS.computeIfAbsent(type, Class::getDeclaredMethods);
    }

    static String name(Method method) {
      return NAMES.computeIfAbsent(method, m -> m.getDeclaringClass().getName() + "#" + m);
    }
  }

  /** Constant keys: at most as many entries as there are put sites. */
  static final class FeatureDefaults {
    private static final Map<String, Boolean> DEFAULTS = new ConcurrentHashMap<>();

    static void reset() {
      DEFAULTS.put("checkout.v2", Boolean.FALSE);
      DEFAULTS.put("search.fuzzy", Boolean.TRUE);
    }

    static boolean enabled(String feature) {
      return DEFAULTS.getOrDefault(feature, false);
    }
  }

  /** Filled lazily, but only once: the fill is guarded by isEmpty(). */
  static final class CountryNames {
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    static String name(String code) {
      if (NAMES.isEmpty()) {
        for (String entry : List.of("DE:Germany", "FR:France")) {
          NAMES.put(entry.substring(0, 2), entry.substring(3));
        }
      }
      return NAMES.get(code);
    }
  }

  /** An expiry sweep through the entry set's iterator. */
  static final class TokenBlacklist {
    private static final Map<String, Long> REVOKED_UNTIL = new ConcurrentHashMap<>();

    static void revoke(String token, long until) {
      REVOKED_UNTIL.put(token, until);
    }

    static void sweep(long now) {
      for (Iterator<Map.Entry<String, Long>> it = REVOKED_UNTIL.entrySet().iterator();
          it.hasNext(); ) {
        if (it.next().getValue() < now) {
          it.remove();
        }
      }
    }
  }

  /** Swapped for a fresh snapshot on every refresh: the old one is dropped. */
  static final class PriceSnapshot {
    private static volatile Map<String, Long> prices = new HashMap<>();

    static void refresh(Map<String, Long> latest) {
      Map<String, Long> next = new HashMap<>(latest);
      next.put("updatedAt", System.currentTimeMillis());
      prices = next;
    }

    static void override(String sku, long price) {
      prices.put(sku, price);
    }
  }

  /** Reference counts: compute removes the entry when the count drops to zero. */
  static final class LeaseCounts {
    private static final Map<String, Integer> LEASES = new ConcurrentHashMap<>();

    static void acquire(String resource) {
      LEASES.merge(resource, 1, Integer::sum);
    }

    static void release(String resource) {
      LEASES.compute(resource, (key, count) -> count == null || count <= 1 ? null : count - 1);
    }
  }

  /** Listeners added by the components that start up; a registration API, not a cache. */
  static final class ShutdownHooks {
    private static final List<Runnable> HOOKS = new ArrayList<>();

    static synchronized void addShutdownHook(Runnable hook) {
      HOOKS.add(hook);
    }

    static synchronized void runAll() {
      HOOKS.forEach(Runnable::run);
    }
  }

  /**
   * A multiton: one message bundle per package name, values are instances of the class itself.
   * Every caller passes the name of a package of the code, so there is one entry per package.
   */
  static final class Messages {
    private static final Map<String, Messages> BY_PACKAGE = new ConcurrentHashMap<>();

    private final String bundle;

    private Messages(String bundle) {
      this.bundle = bundle;
    }

    static Messages forPackage(String packageName) {
      return BY_PACKAGE.computeIfAbsent(packageName, p -> new Messages(p + ".LocalStrings"));
    }

    String bundle() {
      return bundle;
    }
  }

  /** Looks its messages up by its own package: a name the code fixes. */
  static final class Greeter {
    private static final Messages MESSAGES = Messages.forPackage(Greeter.class.getPackageName());

    String greet(String user) {
      return MESSAGES.bundle() + ":" + Messages.forPackage(getClass().getPackageName()) + user;
    }
  }

  /** Charsets are a small fixed set. */
  static final class Decoders {
    private static final Map<java.nio.charset.Charset, java.nio.charset.CharsetDecoder> DECODERS =
        new ConcurrentHashMap<>();

    static java.nio.charset.CharsetDecoder decoder(java.nio.charset.Charset charset) {
      return DECODERS.computeIfAbsent(charset, java.nio.charset.Charset::newDecoder);
    }
  }

  /** Lazy initialization behind a flag: filled by init() and its package-private helper. */
  static final class CipherAliases {
    private static final Map<String, List<String>> ALIASES = new HashMap<>();
    private static boolean initialized;

    private static synchronized void init() {
      addAlias("HIGH", List.of("AES256", "CHACHA20"));
      addAlias("LOW", List.of("DES"));
      initialized = true;
    }

    static void addAlias(String alias, List<String> ciphers) {
      ALIASES.put(alias, new ArrayList<>(ciphers));
    }

    static synchronized List<String> expand(String alias) {
      if (!initialized) {
        init();
      }
      return ALIASES.get(alias);
    }
  }
}
