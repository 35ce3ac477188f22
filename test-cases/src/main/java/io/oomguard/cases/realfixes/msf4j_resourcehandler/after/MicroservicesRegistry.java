package io.oomguard.cases.realfixes.msf4j_resourcehandler.after;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** Hand-rolled singleton: the services deployed in this server. */
public class MicroservicesRegistry {
  private static final MicroservicesRegistry instance = new MicroservicesRegistry();
  private final Set<Object> httpServices = new HashSet<>();
  private volatile HttpResourceHandler httpResourceHandler =
      new HttpResourceHandler(Collections.emptyList());

  private MicroservicesRegistry() {}

  public static MicroservicesRegistry getInstance() {
    return instance;
  }

  /** Called when a service bundle is deployed. */
  public void addHttpService(Object httpHandler) {
    httpServices.add(httpHandler);
    updateHttpResourceHandler();
  }

  /** Called when a service bundle is undeployed. */
  public void removeHttpService(Object httpService) {
    httpServices.remove(httpService);
    updateHttpResourceHandler();
  }

  public HttpResourceHandler getHttpResourceHandler() {
    return httpResourceHandler;
  }

  private void updateHttpResourceHandler() {
    httpResourceHandler = new HttpResourceHandler(Collections.unmodifiableSet(httpServices));
  }
}
