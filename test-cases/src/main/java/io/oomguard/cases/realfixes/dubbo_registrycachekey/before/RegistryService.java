package io.oomguard.cases.realfixes.dubbo_registrycachekey.before;

/** Marker for the registry service interface name. */
public interface RegistryService {}
