package io.oomguard.cases.realfixes.googleanalytics_asyncqueue.before;

public class GoogleAnalyticsConfig {

  private String threadNameFormat = "googleanalyticsjava-thread-{0}";
  private boolean enabled = true;
  private int maxThreads = 1;
  private String url = "https://www.google-analytics.com/collect";

  public String getThreadNameFormat() {
    return threadNameFormat;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public int getMaxThreads() {
    return maxThreads;
  }

  public GoogleAnalyticsConfig setMaxThreads(int maxThreads) {
    this.maxThreads = maxThreads;
    return this;
  }

  public String getUrl() {
    return url;
  }
}
