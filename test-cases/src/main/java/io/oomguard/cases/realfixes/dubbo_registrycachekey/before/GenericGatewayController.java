package io.oomguard.cases.realfixes.dubbo_registrycachekey.before;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An HTTP gateway that refers the requested Dubbo service on each call (generic invocation). */
@RestController
public class GenericGatewayController {
  private final RegistryFactory registryFactory = new NacosRegistryFactory();

  @GetMapping("/invoke/{service}")
  public String invoke(@PathVariable String service) {
    ReferenceConfig reference = new ReferenceConfig(registryFactory, "nacos.local:8848", service);
    List<URL> providers = reference.get();
    return providers.isEmpty() ? "no provider for " + service : providers.get(0).toFullString();
  }
}
