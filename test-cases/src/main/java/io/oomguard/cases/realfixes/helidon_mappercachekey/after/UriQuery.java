package io.oomguard.cases.realfixes.helidon_mappercachekey.after;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The query parameters of one request. */
public final class UriQuery {
  private final Map<String, String> params = new HashMap<>();

  public UriQuery(String rawQuery) {
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.putIfAbsent(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
  }

  /** The first value of a parameter, typed through the global mapper manager. */
  public Optional<Value> first(String name) {
    return Optional.ofNullable(params.get(name))
        .map(it -> Value.create(MapperManager.global(), name, it, "uri", "query"));
  }
}
