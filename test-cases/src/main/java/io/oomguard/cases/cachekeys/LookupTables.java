package io.oomguard.cases.cachekeys;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lookup tables built once and then only read, as protocol code keeps them (cipher suites by their
 * two-byte id, status texts by code). A key class without equals/hashCode makes every lookup miss:
 * the table does not grow, but it never answers, and the message must say that rather than claim
 * growth. A table written at run time with such keys does grow.
 */
public final class LookupTables {
  private LookupTables() {}

  /** A two-byte id, as a TLS cipher suite has; no equals/hashCode, so no two are equal. */
  static final class SuiteId {
    private final byte high;
    private final byte low;

    SuiteId(byte high, byte low) {
      this.high = high;
      this.low = low;
    }

    byte high() {
      return high;
    }

    byte low() {
      return low;
    }
  }

  /** The same id as a record: value equality, lookups hit. */
  record SuiteCode(byte high, byte low) {}

  enum Family {
    AES,
    CHACHA
  }

  /** Filled in a static initializer, wrapped unmodifiable, then only read (Undertow's shape). */
  static final class CipherNames {
    private static final Map<SuiteId, String> BY_ID;
    private static final Map<SuiteCode, String> BY_CODE;
    private static final Map<Family, Integer> KEY_BITS = new EnumMap<>(Family.class);

    static {
      Map<SuiteId, String> byId = new HashMap<>();
      byId.put(new SuiteId((byte) 0x13, (byte) 0x01), "TLS_AES_128_GCM_SHA256");
      byId.put(new SuiteId((byte) 0x13, (byte) 0x03), "TLS_CHACHA20_POLY1305_SHA256");
      BY_ID = Collections.unmodifiableMap(byId);
      Map<SuiteCode, String> byCode = new HashMap<>();
      byCode.put(new SuiteCode((byte) 0x13, (byte) 0x01), "TLS_AES_128_GCM_SHA256");
      BY_CODE = Collections.unmodifiableMap(byCode);
      KEY_BITS.put(Family.AES, 128);
      KEY_BITS.put(Family.CHACHA, 256);
    }

    static boolean isKnown(byte high, byte low) {
      // BUG: Diagnostic contains: key of cache `BY_ID` includes a new `SuiteId`
      // every lookup misses. The map is only filled at initialization, so it does not grow
      return BY_ID.get(new SuiteId(high, low)) != null;
    }

    static String nameOf(byte high, byte low) {
      SuiteId id = new SuiteId(high, low);
      // BUG: Diagnostic contains: (through `id`), which never repeats: every lookup misses. The
      // map is only filled at initialization
      return BY_ID.getOrDefault(id, "unknown");
    }

    static String nameOfCode(byte high, byte low) {
      return BY_CODE.get(new SuiteCode(high, low));
    }

    static int keyBits(Family family) {
      return KEY_BITS.getOrDefault(family, 0);
    }
  }

  /**
   * Learned at run time: every handshake adds an entry that is never hit again (cleared on
   * reconfiguration, so not unbounded in the UnboundedCache sense, but it churns).
   */
  static final class NegotiatedSuites {
    private static final Map<SuiteId, Long> LAST_SEEN = new ConcurrentHashMap<>();

    private NegotiatedSuites() {}

    static void reset() {
      LAST_SEEN.clear();
    }

    static void record(byte high, byte low, long now) {
      // BUG: Diagnostic contains: every write adds an entry nobody will read again, so the
      // cache only grows
      LAST_SEEN.put(new SuiteId(high, low), now);
    }

    static boolean seenBefore(byte high, byte low) {
      // BUG: Diagnostic contains: so the cache only grows
      return LAST_SEEN.containsKey(new SuiteId(high, low));
    }
  }
}
