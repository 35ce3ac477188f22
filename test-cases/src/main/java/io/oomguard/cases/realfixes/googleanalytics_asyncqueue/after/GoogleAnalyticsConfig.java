package io.oomguard.cases.realfixes.googleanalytics_asyncqueue.after;

public class GoogleAnalyticsConfig {

  private String threadNameFormat = "googleanalyticsjava-thread-{0}";
  private boolean enabled = true;
  private int minThreads = 0;
  private int maxThreads = 1;
  private int threadTimeoutSecs = 300;
  private int threadQueueSize = 1000;
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

  public int getMinThreads() {
    return minThreads;
  }

  public int getThreadTimeoutSecs() {
    return threadTimeoutSecs;
  }

  public int getThreadQueueSize() {
    return threadQueueSize;
  }

  public GoogleAnalyticsConfig setThreadQueueSize(int threadQueueSize) {
    this.threadQueueSize = threadQueueSize;
    return this;
  }

  public String getUrl() {
    return url;
  }
}
