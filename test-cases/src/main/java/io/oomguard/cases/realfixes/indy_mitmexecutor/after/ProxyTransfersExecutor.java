package io.oomguard.cases.realfixes.indy_mitmexecutor.after;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.concurrent.ExecutorService;

/**
 * Provides the container-managed executor (Weft's "mitm-transfers" pool in the real code, sized in
 * threadpools.conf) that runs the tunnels and MITM servers of all proxy requests.
 */
@ApplicationScoped
public class ProxyTransfersExecutor {

  @Inject
  @Named("mitm-transfers")
  ExecutorService executor;

  public ExecutorService getExecutor() {
    return executor;
  }
}
