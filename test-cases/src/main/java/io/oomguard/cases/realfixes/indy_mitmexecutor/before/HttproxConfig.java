package io.oomguard.cases.realfixes.indy_mitmexecutor.before;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class HttproxConfig {

  private boolean mitmEnabled = true;

  public boolean isMITMEnabled() {
    return mitmEnabled;
  }
}
