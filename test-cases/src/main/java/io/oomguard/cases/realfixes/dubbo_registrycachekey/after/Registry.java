package io.oomguard.cases.realfixes.dubbo_registrycachekey.after;

import java.util.List;

/** A registry: where providers are looked up. */
public interface Registry {
  List<URL> lookup(URL consumerUrl);

  void destroy();
}
