package io.oomguard.cases.realfixes.geosolutions_httpproxy.after;

/** Settings read from proxy.properties when the servlet starts (reduced). */
public class ProxyConfig {
  /** defaultStreamByteSize in proxy.properties; 1024 by default. */
  private int defaultStreamByteSize = 1024;

  public int getDefaultStreamByteSize() {
    return defaultStreamByteSize;
  }

  public void setDefaultStreamByteSize(int defaultStreamByteSize) {
    this.defaultStreamByteSize = defaultStreamByteSize;
  }
}
