package io.oomguard.cases.realfixes.armeria_requestmetricsmap.after;

/** A decorator that records every request and hands the logs to a consumer. */
public class LogCollectingService implements Service {
  private final Service delegate;
  private final MessageLogConsumer consumer;

  public LogCollectingService(Service delegate, MessageLogConsumer consumer) {
    this.delegate = delegate;
    this.consumer = consumer;
  }

  @Override
  public String serve(RequestContext ctx, String request) throws Exception {
    DefaultRequestLog log = new DefaultRequestLog(ctx.method(), System.nanoTime());
    log.requestContent(request.length());
    consumer.onRequest(ctx, log);
    try {
      String response = delegate.serve(ctx, request);
      log.end(200, response.length(), null);
      return response;
    } catch (Exception e) {
      log.end(500, 0, e);
      throw e;
    } finally {
      consumer.onResponse(ctx, log);
    }
  }
}
