/*
 * brsanthu/google-analytics-java -- https://github.com/brsanthu/google-analytics-java/issues/31,
 * fixed in 2.0.0 by commit ecf838ffdf9a9dd97704d724fb566e23a5972026 ("optimize thread pool
 * creation with config").
 * The tracker posts every hit handed to postAsync() through an executor built as
 * ThreadPoolExecutor(0, maxThreads, 5 min, new LinkedBlockingDeque()): the deque has no capacity,
 * so under high hit rates (or a slow Google endpoint) the pending hits piled up until OOM.
 * Fix: the deque gets a capacity (threadQueueSize, default 1000), core size and keep-alive come
 * from the config, and a CallerRunsPolicy posts on the caller's thread when the deque is full.
 */
package io.oomguard.cases.realfixes.googleanalytics_asyncqueue.after;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

public class GoogleAnalyticsBuilder {

  private GoogleAnalyticsConfig config = new GoogleAnalyticsConfig();
  private HttpClient httpClient;
  private ExecutorService executor;

  public GoogleAnalyticsBuilder withConfig(GoogleAnalyticsConfig config) {
    this.config = config == null ? new GoogleAnalyticsConfig() : config;
    return this;
  }

  public GoogleAnalyticsBuilder withExecutor(ExecutorService executor) {
    this.executor = executor;
    return this;
  }

  public GoogleAnalyticsBuilder withHttpClient(HttpClient httpClient) {
    this.httpClient = httpClient;
    return this;
  }

  public GoogleAnalytics build() {
    return new GoogleAnalyticsImpl(config, createHttpClient(), createExecutor());
  }

  protected HttpClient createHttpClient() {
    if (httpClient != null) {
      return httpClient;
    }
    return new UrlConnectionHttpClient();
  }

  protected ExecutorService createExecutor() {
    if (executor != null) {
      return executor;
    }
    return new ThreadPoolExecutor(
        config.getMinThreads(),
        config.getMaxThreads(),
        config.getThreadTimeoutSecs(),
        TimeUnit.SECONDS,
        new LinkedBlockingDeque<Runnable>(config.getThreadQueueSize()),
        createThreadFactory(),
        new ThreadPoolExecutor.CallerRunsPolicy());
  }

  protected ThreadFactory createThreadFactory() {
    return new GoogleAnalyticsThreadFactory(config.getThreadNameFormat());
  }
}
