package io.oomguard.cases.caches;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Interning caches of the declaring class: a static map from a name to the one instance of the
 * class made for it. Whether it is bounded depends on where the names come from: names the code
 * fixes (constants, class and package names) give one entry per name in the code; strings callers
 * build from requests give one entry per request.
 */
public final class InterningCaches {
  private InterningCaches() {}

  /** Every template string parsed once and kept: hrefs with ids in them are all different. */
  static final class PathTemplate {
    // BUG: Diagnostic contains: static field `CACHE` only grows
    private static final Map<String, PathTemplate> CACHE = new ConcurrentHashMap<>();

    private final List<String> segments;

    private PathTemplate(String template) {
      this.segments = List.of(template.split("/"));
    }

    static PathTemplate of(String template) {
      return CACHE.computeIfAbsent(template, PathTemplate::new);
    }

    int depth() {
      return segments.size();
    }
  }

  /** Builds a link per order: the href carries the id, so every request interns a new template. */
  @RestController
  static class OrderLinks {
    @GetMapping("/orders/{id}/depth")
    int depth(@PathVariable long id) {
      return PathTemplate.of("/orders/" + id + "/items").depth();
    }
  }

  /** Get-then-put spelling of the same interning, keyed by a header value from the caller. */
  static final class MediaType {
    // BUG: Diagnostic contains: `put` in `MediaType.parse`
    private static final Map<String, MediaType> PARSED = new ConcurrentHashMap<>();

    private final String value;

    private MediaType(String value) {
      this.value = value;
    }

    static MediaType parse(String header) {
      MediaType known = PARSED.get(header);
      if (known == null) {
        known = new MediaType(header.trim());
        PARSED.put(header, known);
      }
      return known;
    }

    String value() {
      return value;
    }
  }

  // ---- names the code fixes: no finding ----

  /** One logger-like channel per class: every caller passes a class name. */
  static final class Channel {
    private static final Map<String, Channel> CHANNELS = new ConcurrentHashMap<>();

    private final String name;
    private final List<String> lines = new ArrayList<>();

    private Channel(String name) {
      this.name = name;
    }

    static Channel forName(String name) {
      return CHANNELS.computeIfAbsent(name, Channel::new);
    }

    static Channel forClass(Class<?> type) {
      return forName(type.getName());
    }

    String name() {
      return name + lines.size();
    }
  }

  /** Callers of the channels: class names and constants only. */
  static final class Billing {
    private static final Channel AUDIT = Channel.forName("audit");
    private static final Channel LOG = Channel.forClass(Billing.class);

    String describe() {
      return AUDIT.name() + LOG.name() + Channel.forName(getClass().getSimpleName()).name();
    }
  }

  /** A filter named by its subclass, with a constant. */
  abstract static class NamedFilter {
    private final String name;

    NamedFilter(String name) {
      this.name = name;
    }

    String name() {
      return name;
    }
  }

  /** One of the filters. */
  static final class AuthFilter extends NamedFilter {
    AuthFilter() {
      super("auth");
    }
  }

  /** Filters indexed by name and by the file they were loaded from, on every poll of a folder. */
  static final class FilterLoader implements Runnable {
    private static final Map<String, NamedFilter> BY_NAME = new ConcurrentHashMap<>();
    private static final Map<String, Long> LOADED_AT = new ConcurrentHashMap<>();
    private final java.io.File folder = new java.io.File("filters");

    @Override
    public void run() {
      java.io.File[] files = folder.listFiles();
      for (java.io.File file : files == null ? new java.io.File[0] : files) {
        NamedFilter filter = new AuthFilter();
        if (BY_NAME.get(filter.name()) == null) {
          BY_NAME.put(filter.name(), filter);
        }
        LOADED_AT.merge(file.getAbsolutePath(), file.lastModified(), Math::max);
      }
    }
  }

  /** Named counters created on first use; every name is a constant of the code. */
  static final class Counter {
    private static final Map<String, Counter> COUNTERS = new ConcurrentHashMap<>();

    private long count;

    static Counter named(String name) {
      return COUNTERS.computeIfAbsent(name, n -> new Counter());
    }

    synchronized void increment() {
      count++;
    }
  }

  /** Counts requests under a fixed set of names. */
  @RestController
  static class StatusController {
    private static final String REQUESTS = "requests";

    @GetMapping("/status")
    String status() {
      Counter.named(REQUESTS).increment();
      Counter.named("status." + REQUESTS).increment();
      return "ok";
    }
  }
}
