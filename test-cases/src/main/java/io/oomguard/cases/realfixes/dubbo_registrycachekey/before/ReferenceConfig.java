package io.oomguard.cases.realfixes.dubbo_registrycachekey.before;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The configuration of a reference to a remote service; get() refers it. */
public class ReferenceConfig {
  private final RegistryFactory registryFactory;
  private final String registryAddress;
  private final String interfaceName;

  public ReferenceConfig(
      RegistryFactory registryFactory, String registryAddress, String interfaceName) {
    this.registryFactory = registryFactory;
    this.registryAddress = registryAddress;
    this.interfaceName = interfaceName;
  }

  /** Refers the service: finds its registry and looks the providers up. */
  public List<URL> get() {
    URL registryUrl = ConfigValidationUtils.loadRegistry(registryAddress, "gateway");
    Registry registry = registryFactory.getRegistry(registryUrl);
    Map<String, String> parameters = new HashMap<>();
    parameters.put("interface", interfaceName);
    URL consumerUrl = new URL("consumer", "127.0.0.1", 0, interfaceName, parameters);
    return registry.lookup(consumerUrl);
  }
}
