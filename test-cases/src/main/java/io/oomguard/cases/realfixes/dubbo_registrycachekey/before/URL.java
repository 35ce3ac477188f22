package io.oomguard.cases.realfixes.dubbo_registrycachekey.before;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Dubbo's immutable URL: protocol, address, path, parameters. */
public final class URL {
  private final String protocol;
  private final String host;
  private final int port;
  private final String path;
  private final Map<String, String> parameters;

  public URL(String protocol, String host, int port, String path, Map<String, String> parameters) {
    this.protocol = protocol;
    this.host = host;
    this.port = port;
    this.path = path;
    this.parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
  }

  public String getAddress() {
    return host + ":" + port;
  }

  public String getParameter(String key) {
    return parameters.get(key);
  }

  public String getServiceKey() {
    String group = getParameter("group");
    String version = getParameter("version");
    return (group == null ? "" : group + "/") + path + (version == null ? "" : ":" + version);
  }

  public URL setPath(String path) {
    return new URL(protocol, host, port, path, parameters);
  }

  public URL addParameter(String key, String value) {
    Map<String, String> copy = new TreeMap<>(parameters);
    copy.put(key, value);
    return new URL(protocol, host, port, path, copy);
  }

  public URL removeParameters(String... keys) {
    Map<String, String> copy = new TreeMap<>(parameters);
    for (String key : keys) {
      copy.remove(key);
    }
    return new URL(protocol, host, port, path, copy);
  }

  /** protocol://host:port/serviceKey, without parameters. */
  public String toServiceStringWithoutResolving() {
    return protocol + "://" + getAddress() + "/" + getServiceKey();
  }

  /** protocol://host:port/path?k1=v1&k2=v2..., every parameter included. */
  public String toFullString() {
    StringBuilder buf = new StringBuilder(protocol).append("://").append(getAddress());
    buf.append('/').append(path);
    char separator = '?';
    for (Map.Entry<String, String> entry : parameters.entrySet()) {
      buf.append(separator).append(entry.getKey()).append('=').append(entry.getValue());
      separator = '&';
    }
    return buf.toString();
  }
}
