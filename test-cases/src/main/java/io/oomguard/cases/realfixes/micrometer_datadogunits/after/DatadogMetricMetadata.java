/*
 * Micrometer, Datadog registry.
 * Fix: commit 2b709cd91 of https://github.com/micrometer-metrics/micrometer ("Make
 * unitWhitelist and pluralizedUnitMapping static").
 *
 * What grew: a DatadogMetricMetadata is created per meter (and per statistic) on every publish
 * until Datadog has accepted the meter's metadata; each one rebuilt, from the same constant list,
 * a HashSet of about 130 allowed units and a HashMap of their plurals.
 *
 * Fix: both became unmodifiable static finals, built once in the class's static initializer.
 */
package io.oomguard.cases.realfixes.micrometer_datadogunits.after;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

class DatadogMetricMetadata {
  private final Meter.Id id;
  private final String type;
  private final String overrideBaseUnit;
  private final boolean descriptionsEnabled;

  // Datadog rejects anything not on this list: https://docs.datadoghq.com/units/
  private static final Set<String> UNIT_WHITELIST =
      Collections.unmodifiableSet(
          new HashSet<>(
              Arrays.asList(
                  "bit",
                  "byte",
                  "kilobyte",
                  "megabyte",
                  "gigabyte",
                  "terabyte",
                  "petabyte",
                  "exobyte",
                  "microsecond",
                  "millisecond",
                  "second",
                  "minute",
                  "hour",
                  "day",
                  "week",
                  "nanosecond",
                  "fraction",
                  "percent",
                  "percent_nano",
                  "apdex",
                  "connection",
                  "request",
                  "packet",
                  "segment",
                  "response",
                  "message",
                  "payload",
                  "timeout",
                  "datagram",
                  "route",
                  "session",
                  "process",
                  "core",
                  "thread",
                  "host",
                  "node",
                  "fault",
                  "service",
                  "instance",
                  "cpu",
                  "file",
                  "inode",
                  "sector",
                  "block",
                  "buffer",
                  "error",
                  "read",
                  "write",
                  "occurrence",
                  "event",
                  "time",
                  "unit",
                  "operation",
                  "item",
                  "task",
                  "worker",
                  "resource",
                  "email",
                  "sample",
                  "stage",
                  "monitor",
                  "location",
                  "check",
                  "attempt",
                  "device",
                  "update",
                  "method",
                  "job",
                  "container",
                  "table",
                  "index",
                  "lock",
                  "transaction",
                  "query",
                  "row",
                  "key",
                  "command",
                  "offset",
                  "record",
                  "object",
                  "cursor",
                  "assertion",
                  "scan",
                  "document",
                  "shard",
                  "flush",
                  "merge",
                  "refresh",
                  "fetch",
                  "column",
                  "commit",
                  "wait",
                  "ticket",
                  "question",
                  "hit",
                  "miss",
                  "eviction",
                  "get",
                  "set",
                  "dollar",
                  "cent",
                  "page",
                  "split",
                  "hertz",
                  "kilohertz",
                  "megahertz",
                  "gigahertz",
                  "entry")));

  private static final Map<String, String> PLURALIZED_UNIT_MAPPING;

  static {
    Map<String, String> pluralizedUnitMapping = new HashMap<>();
    UNIT_WHITELIST.forEach(unit -> pluralizedUnitMapping.put(unit + "s", unit));
    pluralizedUnitMapping.put("indices", "index");
    pluralizedUnitMapping.put("indexes", "index");
    PLURALIZED_UNIT_MAPPING = Collections.unmodifiableMap(pluralizedUnitMapping);
  }

  DatadogMetricMetadata(
      Meter.Id id,
      Meter.Statistic statistic,
      boolean descriptionsEnabled,
      String overrideBaseUnit) {
    this.id = id;
    this.descriptionsEnabled = descriptionsEnabled;
    this.overrideBaseUnit = overrideBaseUnit;

    switch (statistic) {
      case Count:
      case Total:
      case TotalTime:
        this.type = "count";
        break;
      default:
        this.type = "gauge";
    }
  }

  String editMetadataBody() {
    String body = "{\"type\":\"" + type + "\"";
    String baseUnit = overrideBaseUnit != null ? overrideBaseUnit : id.baseUnit();
    if (baseUnit != null) {
      String whitelistedBaseUnit =
          UNIT_WHITELIST.contains(baseUnit) ? baseUnit : PLURALIZED_UNIT_MAPPING.get(baseUnit);
      if (whitelistedBaseUnit != null) {
        body += ",\"unit\":\"" + whitelistedBaseUnit + "\"";
      }
    }
    if (descriptionsEnabled && id.description() != null) {
      body += ",\"description\":\"" + id.description() + "\"";
    }
    return body + "}";
  }
}
