package io.oomguard.cases.realfixes.armeria_requestmetricsmap.before;

/** Receives the request log and the response log of every request. */
public interface MessageLogConsumer {
  void onRequest(RequestContext ctx, RequestLog req);

  void onResponse(RequestContext ctx, ResponseLog res);
}
