package io.oomguard.cases.cachekeys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.springframework.stereotype.Service;

/**
 * The post-mortem shape: a cache key that contains the current time never matches a later lookup,
 * so the cache never hits and every miss adds an entry. Time truncated to a bucket repeats and is
 * fine; time stored in the value is fine.
 */
public final class TimestampKeys {
  private TimestampKeys() {}

  record Report(String body) {}

  record QuoteKey(String symbol, Instant at) {}

  /**
   * The timestamp joins the key through a local; the get and the put share one finding, at the put
   * that adds the entry.
   */
  @Service
  static class ReportService {
    private final Cache<String, Report> reports = Caffeine.newBuilder().maximumSize(1_000).build();

    Report report(String customerId) {
      String key = customerId + ":" + System.currentTimeMillis();
      Report cached = reports.getIfPresent(key);
      if (cached == null) {
        cached = new Report("report for " + customerId);
        // BUG: Diagnostic contains: key of cache `reports` includes `System.currentTimeMillis()`
        // (through `key`)
        reports.put(key, cached);
      }
      return cached;
    }
  }

  /** A record key with an Instant.now() component. */
  static final class QuoteCache {
    private static final Map<QuoteKey, Double> QUOTES = new ConcurrentHashMap<>();

    static double quote(String symbol) {
      // BUG: Diagnostic contains: `Instant.now()`
      return QUOTES.computeIfAbsent(new QuoteKey(symbol, Instant.now()), k -> 1.0);
    }

    static void evict(QuoteKey key) {
      QUOTES.remove(key);
    }
  }

  /** String.format with nanoTime. */
  static final class RenderCache {
    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

    static String render(String template, String locale) {
      String key = String.format("%s-%s-%d", template, locale, System.nanoTime());
      // BUG: Diagnostic contains: System.nanoTime()
      return RENDERED.computeIfAbsent(key, k -> template.toUpperCase());
    }

    static void clear() {
      RENDERED.clear();
    }
  }

  /** LocalDateTime.now() concatenated into the key: nanosecond precision. */
  static final class AuditLookup {
    private final Cache<String, String> entries = Caffeine.newBuilder().maximumSize(500).build();

    String entry(String user) {
      // BUG: Diagnostic contains: LocalDateTime.now()
      return entries.get(user + "@" + LocalDateTime.now(), k -> "audit of " + user);
    }
  }

  /** A java.util.Date key: new Date() is "now". */
  static final class LegacyStatsCache {
    private static final Map<Object, Long> STATS = new HashMap<>();

    static synchronized long stats(String name) {
      Object key = name + new Date();
      // BUG: Diagnostic contains: new Date()
      return STATS.computeIfAbsent(key, k -> 0L);
    }

    static synchronized void reset() {
      STATS.clear();
    }
  }

  /** An injected Clock is still the current time. */
  @Service
  static class TokenCache {
    private final Clock clock;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    TokenCache(Clock clock) {
      this.clock = clock;
    }

    String token(String client) {
      long issuedAt = clock.millis();
      // BUG: Diagnostic contains: `clock.millis()`
      String token = tokens.get(client + issuedAt);
      tokens.values().removeIf(String::isEmpty);
      return token;
    }
  }

  /** Epoch seconds are still a new key every second. */
  static final class SecondKeys {
    private final Cache<Long, String> bySecond = Caffeine.newBuilder().maximumSize(100).build();

    String get(String payload) {
      // BUG: Diagnostic contains: NonRepeatingCacheKey
      return bySecond.get(ZonedDateTime.now().toEpochSecond(), s -> payload);
    }
  }

  /** The time formatted down to the second is still a new key every second. */
  static final class DailyDigest {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HH");
    private final Cache<String, String> digests = Caffeine.newBuilder().maximumSize(100).build();

    String digest(String user) {
      String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
      // BUG: Diagnostic contains: `LocalDateTime.now()` (through `stamp`)
      return digests.get(user + "-" + stamp, k -> "digest for " + user);
    }

    /** An hourly stamp repeats for an hour. */
    String hourly(String user) {
      String hour = LocalDateTime.now().format(STAMP);
      return digests.get(user + "-" + hour, k -> "digest for " + user);
    }

    /** So does one formatted with an inline hour pattern. */
    String hourlyInline(String user) {
      String hour = DateTimeFormatter.ofPattern("yyyy-MM-dd HH").format(ZonedDateTime.now());
      return digests.get(user + "-" + hour, k -> "digest for " + user);
    }
  }

  // ---- bucketed, or time outside the key: no finding ----

  static final class BucketedKeys {
    private static final long MINUTE = 60_000;
    private final Cache<String, Integer> perMinute =
        Caffeine.newBuilder().maximumSize(1_000).build();
    private final Cache<Object, Integer> perDay = Caffeine.newBuilder().maximumSize(1_000).build();

    /** Rate-limit window: the key changes once a minute. */
    int window(String client) {
      long bucket = System.currentTimeMillis() / MINUTE;
      return perMinute.get(client + ":" + bucket, k -> 0);
    }

    /** A calendar day repeats all day. */
    int daily(String client) {
      return perDay.get(client + LocalDate.now(), k -> 0);
    }

    /** Truncated to the hour. */
    int hourly(String client) {
      return perDay.get(Instant.now().truncatedTo(ChronoUnit.HOURS), k -> client.length());
    }

    /** Formatted down to the day. */
    int formatted(String client) {
      String day = DateTimeFormatter.ISO_LOCAL_DATE.format(LocalDateTime.now());
      return perDay.get(client + day, k -> 0);
    }

    /** Minute precision by zeroing the rest. */
    int minute(String client) {
      return perMinute.get(client + LocalDateTime.now().withSecond(0).withNano(0), k -> 0);
    }
  }

  /** The time goes into the value, not the key. */
  static final class LastSeen {
    private static final Map<String, Long> LAST_SEEN = new ConcurrentHashMap<>();

    static void seen(String user) {
      LAST_SEEN.put(user, System.currentTimeMillis());
    }

    static void forget(String user) {
      LAST_SEEN.remove(user);
    }
  }

  /** A local map keyed by time is gone when the method returns. */
  static final class Timeline {
    Map<Long, String> timeline(List<String> events) {
      Map<Long, String> byTime = new HashMap<>(events.size() * 2);
      for (String event : events) {
        byTime.put(System.nanoTime(), event);
      }
      return byTime;
    }
  }

  /** A stable key, with the fetch time only in the log. */
  static final class ProfileCache {
    private final Cache<String, String> profiles = Caffeine.newBuilder().maximumSize(10).build();

    String profile(String userId) {
      long started = System.currentTimeMillis();
      String profile = profiles.get(userId, id -> "profile of " + id);
      System.out.println("profile lookup took " + (System.currentTimeMillis() - started));
      return profile;
    }
  }

  /** A sliding window keyed by time, trimmed from the head: a time series, not a cache. */
  @Service
  static class RequestRateWindow {
    private final ConcurrentSkipListMap<Long, String> requests = new ConcurrentSkipListMap<>();

    void record(String client) {
      long now = System.nanoTime();
      requests.put(now, client);
      requests.headMap(now - 60_000_000_000L).clear();
    }
  }
}
