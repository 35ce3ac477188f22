package io.oomguard.cases.realfixes.dubbo_registrycachekey.before;

import java.util.List;

/** A registry: where providers are looked up. */
public interface Registry {
  List<URL> lookup(URL consumerUrl);

  void destroy();
}
