package io.oomguard.cases.realfixes.googleanalytics_asyncqueue.after;

public record GoogleAnalyticsResponse(int statusCode) {}
