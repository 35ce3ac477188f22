package io.oomguard.cases.realfixes.dubbo_registrycachekey.before;

import java.util.Collections;
import java.util.List;

/**
 * A registry backed by a Nacos naming service. In the real code each instance creates its own
 * naming service, with its service-info map and polling threads: costly to create, meant to exist
 * once per registry address.
 */
public class NacosRegistry implements Registry {
  private final URL registryUrl;

  public NacosRegistry(URL registryUrl) {
    this.registryUrl = registryUrl;
  }

  @Override
  public List<URL> lookup(URL consumerUrl) {
    // Queried from the Nacos server in the real code.
    return Collections.emptyList();
  }

  @Override
  public void destroy() {}

  @Override
  public String toString() {
    return "NacosRegistry(" + registryUrl.getAddress() + ")";
  }
}
