package io.oomguard.cases.realfixes.consent_healthtimeoutpool.after;

import org.apache.hc.client5.http.classic.methods.HttpGet;

/** Probes Sam's status endpoint through the shared HttpClientUtil. */
public class SamHealthCheck implements ServiceHealthCheck {

  private final HttpClientUtil clientUtil;
  private final ServicesConfiguration configuration;

  public SamHealthCheck(HttpClientUtil clientUtil, ServicesConfiguration configuration) {
    this.clientUtil = clientUtil;
    this.configuration = configuration;
  }

  @Override
  public String name() {
    return "sam";
  }

  @Override
  public boolean check() {
    try {
      HttpGet httpGet = new HttpGet(configuration.getSamUrl() + "status");
      HttpClientUtil.SimpleResponse response = clientUtil.getCachedResponse(httpGet);
      return response.code() == 200;
    } catch (Exception e) {
      return false;
    }
  }
}
