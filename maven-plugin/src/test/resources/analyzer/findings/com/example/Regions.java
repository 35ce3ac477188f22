package com.example;

import io.oomguard.annotations.OomSafe;
import java.util.List;
import java.util.Map;

/** Region lookups; the blank reasons below are what OomSafeWithoutReason reports. */
public class Regions {
  private final Map<String, String> names = Map.of("eu", "Europe");

  @OomSafe("")
  public List<String> codes() {
    return List.copyOf(names.keySet());
  }

  /** A nested type, so that identities carry the nesting. */
  public static class Loader {
	@OomSafe(" ")
    String load(String code, int attempt) {
      return code + attempt;
    }
  }

  @SuppressWarnings("OomSafeWithoutReason")
  String legacy() {
    @OomSafe("") String name = names.get("eu");
    return name;
  }

  @OomSafe("at most a dozen regions, loaded once")
  String documented() {
    return names.get("eu");
  }
}
