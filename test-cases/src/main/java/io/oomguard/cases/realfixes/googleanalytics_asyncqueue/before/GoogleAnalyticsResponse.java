package io.oomguard.cases.realfixes.googleanalytics_asyncqueue.before;

public record GoogleAnalyticsResponse(int statusCode) {}
