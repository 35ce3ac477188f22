package io.oomguard.cases.realfixes.dubbo_registrycachekey.after;

/** Marker for the registry service interface name. */
public interface RegistryService {}
