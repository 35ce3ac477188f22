package io.oomguard.cases.rebuilds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Objects made per item whose field initializers and constructors build collections from constants:
 * each object runs them again, so every item rebuilds the same collections.
 */
public class PerItemObjects {
  /** Describes each unit it is given, with a new description object per unit. */
  public static class Publisher {
    public List<String> describeAll(List<String> units) {
      List<String> plurals = new ArrayList<>(units.size());
      for (String unit : units) {
        plurals.add(new UnitDescription(unit).plural());
        plurals.add(new SmallDescription(unit).plural());
        plurals.add(new SharedDescription(unit).plural());
      }
      return plurals;
    }
  }

  static final class UnitDescription {
    private final Set<String> known =
        // BUG: Diagnostic contains: copied from `Arrays.asList(...)` in
        // `UnitDescription.UnitDescription`, called inside a loop in `Publisher.describeAll`
        new HashSet<>(
            Arrays.asList(
                "bit",
                "byte",
                "kilobyte",
                "megabyte",
                "gigabyte",
                "terabyte",
                "second",
                "minute",
                "hour",
                "day",
                "week",
                "request",
                "response",
                "message",
                "session",
                "thread",
                "host",
                "node",
                "error",
                "event"));

    // BUG: Diagnostic contains: filled in a loop over `known`
    private final Map<String, String> singularByPlural = new HashMap<>();

    private final String unit;

    UnitDescription(String unit) {
      this.unit = unit;
      known.forEach(name -> singularByPlural.put(name + "s", name));
    }

    String plural() {
      return known.contains(unit) ? unit + "s" : unit;
    }
  }

  /** Quiet: a small constant literal is cheap to build. */
  static final class SmallDescription {
    private final Set<String> known = new HashSet<>(Arrays.asList("bit", "byte"));
    private final String unit;

    SmallDescription(String unit) {
      this.unit = unit;
    }

    String plural() {
      return known.contains(unit) ? unit + "s" : unit;
    }
  }

  /** Quiet: the fix, static and built once when the class is loaded. */
  static final class SharedDescription {
    private static final Set<String> KNOWN =
        Set.copyOf(
            Arrays.asList(
                "bit",
                "byte",
                "kilobyte",
                "megabyte",
                "gigabyte",
                "terabyte",
                "second",
                "minute",
                "hour",
                "day",
                "week",
                "request",
                "response",
                "message",
                "session",
                "thread",
                "host",
                "node",
                "error",
                "event"));
    private static final Map<String, String> SINGULAR_BY_PLURAL = new HashMap<>();

    static {
      KNOWN.forEach(name -> SINGULAR_BY_PLURAL.put(name + "s", name));
    }

    private final String unit;

    SharedDescription(String unit) {
      this.unit = unit;
    }

    String plural() {
      return KNOWN.contains(unit) ? unit + "s" : unit;
    }
  }

  /** Quiet: made once, by its static field; its constructor is not per item. */
  static final class UnitCatalog {
    static final UnitCatalog INSTANCE = new UnitCatalog();

    private final Set<String> known =
        new HashSet<>(
            Arrays.asList(
                "bit",
                "byte",
                "kilobyte",
                "megabyte",
                "gigabyte",
                "terabyte",
                "second",
                "minute",
                "hour",
                "day",
                "week",
                "request",
                "response",
                "message",
                "session",
                "thread",
                "host",
                "node",
                "error",
                "event"));

    boolean knows(String unit) {
      return known.contains(unit);
    }
  }
}
