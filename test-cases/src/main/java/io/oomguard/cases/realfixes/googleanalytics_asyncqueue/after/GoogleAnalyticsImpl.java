package io.oomguard.cases.realfixes.googleanalytics_asyncqueue.after;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

public class GoogleAnalyticsImpl implements GoogleAnalytics {

  private final GoogleAnalyticsConfig config;
  private final HttpClient httpClient;
  private final ExecutorService executor;

  public GoogleAnalyticsImpl(
      GoogleAnalyticsConfig config, HttpClient httpClient, ExecutorService executor) {
    this.config = config;
    this.httpClient = httpClient;
    this.executor = executor;
  }

  @Override
  public GoogleAnalyticsResponse post(GoogleAnalyticsRequest request) {
    if (!config.isEnabled()) {
      return new GoogleAnalyticsResponse(0);
    }
    try {
      int status = httpClient.post(config.getUrl(), request.toParameters());
      return new GoogleAnalyticsResponse(status);
    } catch (Exception e) {
      return new GoogleAnalyticsResponse(-1);
    }
  }

  @Override
  public Future<GoogleAnalyticsResponse> postAsync(GoogleAnalyticsRequest request) {
    if (!config.isEnabled()) {
      return null;
    }
    return executor.submit(() -> post(request));
  }

  @Override
  public void close() {
    executor.shutdown();
  }
}
