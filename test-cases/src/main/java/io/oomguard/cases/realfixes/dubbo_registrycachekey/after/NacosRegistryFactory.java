package io.oomguard.cases.realfixes.dubbo_registrycachekey.after;

/** The Nacos registry factory: keys registries by the full URL string. */
public class NacosRegistryFactory extends AbstractRegistryFactory {

  @Override
  protected String createRegistryCacheKey(URL url) {
    return url.toFullString();
  }

  @Override
  protected Registry createRegistry(URL url) {
    return new NacosRegistry(url);
  }
}
