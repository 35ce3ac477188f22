package io.oomguard.cases.cachekeys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Keys built in another method or class and passed in: the key is a parameter, or what one of the
 * module's own methods returns, and what never repeats is decided where it was made. A key whose
 * type compares by identity (no equals/hashCode, an array, a record with an array component, a
 * capturing lambda) never repeats when a new one is made per call. (The caches here are bounded, so
 * only the key is at fault: every lookup misses and every entry is churned out unused.)
 */
public final class KeysFromCallers {
  private KeysFromCallers() {}

  /** A per-request log: no equals, one object per request. */
  static final class RequestLog {
    private final String method;

    RequestLog(String method) {
      this.method = method;
    }

    String method() {
      return method;
    }
  }

  /** Per-endpoint metrics keyed by the request log, which is new for every request. */
  static final class MetricsConsumer {
    private static final Cache<RequestLog, long[]> METRICS =
        Caffeine.newBuilder().maximumSize(10_000).build();

    static void onRequest(RequestLog log) {
      counters(log)[0]++;
    }

    private static long[] counters(RequestLog log) {
      // BUG: Diagnostic contains: a new `RequestLog` (it does not override equals/hashCode
      return METRICS.get(log, l -> new long[2]);
    }
  }

  /** Makes the log of each request and hands it to the consumer. */
  @RestController
  static class LoggingController {
    @GetMapping("/items/{id}")
    String item(@PathVariable String id) {
      RequestLog log = new RequestLog("GET");
      MetricsConsumer.onRequest(log);
      return id + log.method();
    }
  }

  /** A parameter model rebuilt per call by a factory, without equals. */
  static final class Parameter {
    private final String name;

    private Parameter(String name) {
      this.name = name;
    }

    static Parameter create(String name) {
      return new Parameter(name);
    }

    String name() {
      return name;
    }
  }

  /** Descriptors cached per parameter object. */
  static final class Descriptors {
    private static final Cache<Parameter, String> CACHE =
        Caffeine.newBuilder().maximumSize(10_000).build();

    static String descriptor(String name) {
      Parameter parameter = Parameter.create(name);
      // BUG: Diagnostic contains: (returned by `Parameter.create`)
      return CACHE.get(parameter, p -> "descriptor of " + p.name());
    }
  }

  /** Mapper lookups keyed by a record whose array component compares by identity. */
  static final class Mappers {
    private record Key(Class<?> from, Class<?> to, String... qualifiers) {}

    private static final Cache<Key, String> MAPPERS =
        Caffeine.newBuilder().maximumSize(10_000).build();

    static String mapper(Class<?> from, Class<?> to, String... qualifiers) {
      // BUG: Diagnostic contains: a record compares its array components by identity
      return MAPPERS.get(new Key(from, to, qualifiers), k -> from + "->" + to);
    }
  }

  /** A digest used as the key: an array, and its toString() is the array's identity. */
  static final class Fingerprints {
    private static final Cache<Object, String> BY_DIGEST =
        Caffeine.newBuilder().maximumSize(10_000).build();

    static String byBytes(String body) throws NoSuchAlgorithmException {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(UTF_8));
      // BUG: Diagnostic contains: arrays compare by identity
      return BY_DIGEST.get(digest, d -> body);
    }

    static String byText(String body) throws NoSuchAlgorithmException {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      // BUG: Diagnostic contains: the identity hash of an array
      return BY_DIGEST.get(sha.digest(body.getBytes(UTF_8)).toString(), d -> body);
    }

    static String byLambda(String body) {
      Supplier<String> key = () -> body;
      // BUG: Diagnostic contains: a lambda or method reference that captures values
      return BY_DIGEST.get(key, k -> body);
    }
  }

  /** A timestamp made by the caller and passed in. */
  static final class Snapshots {
    private static final Cache<String, String> SNAPSHOTS =
        Caffeine.newBuilder().maximumSize(10_000).build();

    static String snapshot(String name, long version) {
      // BUG: Diagnostic contains: `System.currentTimeMillis()` (passed in as `version`
      return SNAPSHOTS.get(name + "@" + version, k -> "snapshot " + k);
    }

    static String latest(String name) {
      return snapshot(name, System.currentTimeMillis());
    }
  }

  /** A request body bound to a class without equals: a new object for every request. */
  static class QuoteRequest {
    public String symbol;
    public String currency;
  }

  /** Quotes cached per request body. */
  @RestController
  static class QuoteController {
    private static final Cache<Object, Double> QUOTES =
        Caffeine.newBuilder().maximumSize(10_000).build();

    @PostMapping("/quotes")
    double quote(@RequestBody QuoteRequest request) {
      // BUG: Diagnostic contains: `request`, the `QuoteRequest` request handler
      return QUOTES.get(request, r -> 1.0);
    }

    @PostMapping("/quotes/by-symbol")
    double bySymbol(@RequestBody QuoteRequest request) {
      return QUOTES.get(request.symbol + "/" + request.currency, r -> 1.0);
    }
  }

  /**
   * A registry of live objects: each handler is registered under itself when it starts and removed
   * with the same object when it stops, so the identity key is found again.
   */
  static final class HandlerRegistry {
    private static final Map<RequestLog, String> ACTIVE = new ConcurrentHashMap<>();

    static void register(RequestLog handler) {
      ACTIVE.put(handler, handler.method());
    }

    static void unregister(RequestLog handler) {
      ACTIVE.remove(handler);
    }

    @GetMapping("/handlers")
    void handle() {
      RequestLog handler = new RequestLog("GET");
      register(handler);
      try {
        System.out.println(ACTIVE.size());
      } finally {
        unregister(handler);
      }
    }
  }

  private static final java.nio.charset.Charset UTF_8 = StandardCharsets.UTF_8;

  // ---- keys that repeat: no finding ----

  /** The same parameter model with value equality. */
  record ParameterKey(String name) {}

  /** A record whose qualifiers are a list: compared by value. */
  record MapperKey(Class<?> from, Class<?> to, List<String> qualifiers) {}

  static final class RepeatingKeys {
    private static final Cache<Object, String> CACHE =
        Caffeine.newBuilder().maximumSize(10_000).build();
    private static final byte[] DEFAULT_KEY = {1, 2, 3};
    private static final RequestLog STARTUP_LOG = new RequestLog("BOOT");

    static String byRecord(String name) {
      return CACHE.get(new ParameterKey(name), k -> name);
    }

    static String byListRecord(Class<?> from, Class<?> to, String... qualifiers) {
      return CACHE.get(new MapperKey(from, to, List.of(qualifiers)), k -> "m");
    }

    static String byHexDigest(String body) throws NoSuchAlgorithmException {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(UTF_8));
      return CACHE.get(HexFormat.of().formatHex(digest), d -> body);
    }

    static String byConstantArray() {
      return CACHE.get(DEFAULT_KEY, k -> "default");
    }

    static String byStaticReference() {
      Supplier<String> key = RepeatingKeys::name;
      return CACHE.get(key, k -> "named");
    }

    static String byLongLivedObject() {
      return describe(STARTUP_LOG);
    }

    private static String describe(RequestLog log) {
      return CACHE.get(log, l -> log.method());
    }

    static String byName(String name, long version) {
      return CACHE.get(name + "@" + version, k -> "snapshot " + k);
    }

    static String released(String name) {
      return byName(name, 42L);
    }

    private static String name() {
      return "name";
    }
  }
}
