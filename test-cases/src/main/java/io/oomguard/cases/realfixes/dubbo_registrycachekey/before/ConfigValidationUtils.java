package io.oomguard.cases.realfixes.dubbo_registrycachekey.before;

import java.util.HashMap;
import java.util.Map;

/** Builds the registry URL of a reference from its registry configuration. */
public final class ConfigValidationUtils {
  public static final String TIMESTAMP_KEY = "timestamp";

  private ConfigValidationUtils() {}

  public static URL loadRegistry(String address, String application) {
    Map<String, String> map = new HashMap<>();
    map.put("application", application);
    appendRuntimeParameters(map);
    int colon = address.lastIndexOf(':');
    return new URL(
        "nacos",
        address.substring(0, colon),
        Integer.parseInt(address.substring(colon + 1)),
        "",
        map);
  }

  /** Dubbo version, pid and the time of configuration. */
  public static void appendRuntimeParameters(Map<String, String> map) {
    map.put("dubbo", "2.0.2");
    map.put(TIMESTAMP_KEY, String.valueOf(System.currentTimeMillis()));
    map.put("pid", String.valueOf(ProcessHandle.current().pid()));
  }
}
