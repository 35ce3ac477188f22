package io.oomguard.cases.realfixes.dubbo_registrycachekey.after;

/** Gives the registry for a registry URL (an SPI extension point). */
public interface RegistryFactory {
  Registry getRegistry(URL url);
}
