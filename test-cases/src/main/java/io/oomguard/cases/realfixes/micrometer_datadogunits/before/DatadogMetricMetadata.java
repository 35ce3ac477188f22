/*
 * Micrometer, Datadog registry.
 * Fix: commit 2b709cd91 of https://github.com/micrometer-metrics/micrometer ("Make
 * unitWhitelist and pluralizedUnitMapping static").
 *
 * What grew: a DatadogMetricMetadata is created per meter (and per statistic) on every publish
 * until Datadog has accepted the meter's metadata; each one rebuilt, from the same constant list,
 * a HashSet of about 130 allowed units and a HashMap of their plurals.
 */
package io.oomguard.cases.realfixes.micrometer_datadogunits.before;

import java.util.Arrays;
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
  private final Set<String> unitWhitelist =
      // BUG: Diagnostic contains: PerRequestCollectionRebuild
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
              "entry"));

  // BUG: Diagnostic contains: PerRequestCollectionRebuild
  private final Map<String, String> pluralizedUnitMapping = new HashMap<>();

  DatadogMetricMetadata(
      Meter.Id id,
      Meter.Statistic statistic,
      boolean descriptionsEnabled,
      String overrideBaseUnit) {
    this.id = id;
    this.descriptionsEnabled = descriptionsEnabled;
    this.overrideBaseUnit = overrideBaseUnit;

    this.unitWhitelist.forEach(unit -> pluralizedUnitMapping.put(unit + "s", unit));
    this.pluralizedUnitMapping.put("indices", "index");
    this.pluralizedUnitMapping.put("indexes", "index");

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
          unitWhitelist.contains(baseUnit) ? baseUnit : pluralizedUnitMapping.get(baseUnit);
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
