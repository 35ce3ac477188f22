package io.oomguard.cases.cachekeys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * Random numbers, UUIDs and counters never repeat either. A cache read or written under one is a
 * bug — unless the value is an identifier handed back to the caller to find the entry again (a
 * session or ticket id), which is not a cache key at all.
 */
public final class RandomAndCounterKeys {
  private RandomAndCounterKeys() {}

  record Result(String value) {}

  record Ticket(long id, String owner) {}

  /** A random UUID as the key of a result cache: written, never read. */
  static final class ResultCache {
    private final Cache<String, Result> results =
        Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(5)).build();

    void store(Result result) {
      // BUG: Diagnostic contains: `UUID.randomUUID()`
      results.put(UUID.randomUUID().toString(), result);
    }
  }

  /** A random long mixed into the key. */
  static final class ShardedCache {
    private static final Map<String, String> VALUES = new ConcurrentHashMap<>();

    static String value(String name) {
      long salt = ThreadLocalRandom.current().nextLong();
      // BUG: Diagnostic contains: ThreadLocalRandom.current().nextLong()
      return VALUES.computeIfAbsent(name + salt, k -> name);
    }

    static void drop(String key) {
      VALUES.remove(key);
    }
  }

  /** A counter as the key of a Guava LoadingCache lookup. */
  @Component
  static class PageRenderer {
    private final AtomicLong renders = new AtomicLong();
    private final LoadingCache<String, String> pages =
        CacheBuilder.newBuilder()
            .maximumSize(100)
            .build(CacheLoader.from(name -> "<html>" + name + "</html>"));

    String render(String page) {
      // BUG: Diagnostic contains: `renders.incrementAndGet()`
      return pages.getUnchecked(page + "#" + renders.incrementAndGet());
    }
  }

  /** Math.random() in the key. */
  static final class Sampler {
    private static final Map<Double, String> SAMPLES = new ConcurrentHashMap<>();

    static void sample(String event) {
      // BUG: Diagnostic contains: Math.random()
      SAMPLES.putIfAbsent(Math.random(), event);
    }

    static void reset() {
      SAMPLES.clear();
    }
  }

  /** A plain field counter, incremented into the key. */
  static final class RequestLog {
    private static final Map<Integer, String> REQUESTS = new ConcurrentHashMap<>();
    private static int sequence;

    static synchronized void log(String line) {
      // BUG: Diagnostic contains: `sequence++`
      REQUESTS.put(sequence++, line);
    }

    static void trim() {
      REQUESTS.clear();
    }
  }

  /** A LongAdder total is a new number every time it is read after an increment. */
  static final class EventCache {
    private final LongAdder events = new LongAdder();
    private final Cache<Long, String> recent = Caffeine.newBuilder().maximumSize(50).build();

    void onEvent(String payload) {
      events.increment();
      // BUG: Diagnostic contains: events.sum()
      recent.put(events.sum(), payload);
    }
  }

  /** A SecureRandom nonce, through two locals. */
  static final class NonceCache {
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Boolean> seen = Caffeine.newBuilder().maximumSize(1_000).build();

    boolean check(String client) {
      int nonce = random.nextInt();
      String key = client + "/" + nonce;
      // BUG: Diagnostic contains: random.nextInt()
      return seen.getIfPresent(key) != null;
    }
  }

  // ---- identifiers handed back, bounded randomness: no finding ----

  /** A session id returned to the caller, who looks the session up with it later. */
  static final class SessionStore {
    private static final Map<String, String> SESSIONS = new ConcurrentHashMap<>();

    static String open(String user) {
      String sessionId = UUID.randomUUID().toString();
      SESSIONS.put(sessionId, user);
      return sessionId;
    }

    static String user(String sessionId) {
      return SESSIONS.get(sessionId);
    }

    static void close(String sessionId) {
      SESSIONS.remove(sessionId);
    }
  }

  /** A ticket id handed back inside the response object. */
  static final class TicketOffice {
    private final AtomicLong nextId = new AtomicLong();
    private final Cache<Long, Ticket> tickets =
        Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).build();

    Ticket issue(String owner) {
      long id = nextId.incrementAndGet();
      Ticket ticket = new Ticket(id, owner);
      tickets.put(id, ticket);
      return ticket;
    }
  }

  /** An id sent to the client in a cookie. */
  static final class LoginFlow {
    private final Cache<String, String> pendingLogins =
        Caffeine.newBuilder().maximumSize(10_000).build();

    void start(String user, HttpServletResponse response) {
      String state = UUID.randomUUID().toString();
      pendingLogins.put(state, user);
      response.addCookie(new Cookie("login_state", state));
    }
  }

  /** A bounded random pick repeats: a shard number from 0 to 15. */
  static final class ShardPicker {
    private static final Random RANDOM = new Random();
    private final Cache<Integer, String> shards = Caffeine.newBuilder().maximumSize(16).build();

    String shard() {
      return shards.get(RANDOM.nextInt(16), n -> "shard-" + n);
    }
  }

  /** The counter counts; the key is the page name. */
  static final class HitCounter {
    private final AtomicLong hits = new AtomicLong();
    private final Cache<String, String> pages = Caffeine.newBuilder().maximumSize(100).build();

    String page(String name) {
      hits.incrementAndGet();
      return pages.get(name, n -> "<p>" + n + "</p>");
    }
  }

  /** A job id stored for the caller's later status query. */
  static final class JobTracker {
    private static final Map<Long, String> STATUS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    static long submit(String job) {
      long id = IDS.getAndIncrement();
      STATUS.put(id, "queued: " + job);
      return id;
    }

    static void done(long id) {
      STATUS.remove(id);
    }
  }
}
