package io.oomguard.cases.realfixes.googleanalytics_asyncqueue.before;

import java.util.Map;

/** One hit (page view, event, ...) with its Measurement Protocol parameters. */
public record GoogleAnalyticsRequest(String hitType, Map<String, String> parameters) {

  public Map<String, String> toParameters() {
    return parameters;
  }
}
