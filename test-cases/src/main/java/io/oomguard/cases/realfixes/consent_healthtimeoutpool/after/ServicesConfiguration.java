package io.oomguard.cases.realfixes.consent_healthtimeoutpool.after;

/** The services block of the application's configuration file. */
public class ServicesConfiguration {

  private String samUrl = "http://sam.local/";
  private int poolSize = 10;
  private int timeoutSeconds = 10;
  private int cacheExpireMinutes = 1;

  public String getSamUrl() {
    return samUrl;
  }

  public int getPoolSize() {
    return poolSize;
  }

  public int getTimeoutSeconds() {
    return timeoutSeconds;
  }

  public int getCacheExpireMinutes() {
    return cacheExpireMinutes;
  }
}
