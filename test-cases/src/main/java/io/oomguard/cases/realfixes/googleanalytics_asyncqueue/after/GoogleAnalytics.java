package io.oomguard.cases.realfixes.googleanalytics_asyncqueue.after;

import java.util.concurrent.Future;

/** The tracker applications keep one of per tracking id and call for every hit. */
public interface GoogleAnalytics extends AutoCloseable {

  GoogleAnalyticsResponse post(GoogleAnalyticsRequest request);

  Future<GoogleAnalyticsResponse> postAsync(GoogleAnalyticsRequest request);

  @Override
  void close();
}
