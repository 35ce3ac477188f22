/*
 * Modeled on Armeria, PR https://github.com/line/armeria/pull/282 ("Fix DropwizardRequestMetrics
 * leak"), commit 09eb2cf286afe7658acb853d1cce337e794c2265.
 *
 * The metric-collecting decorator kept its per-endpoint metrics in a map keyed by the RequestLog
 * of the request, a per-request object without value equality (a regression of commit
 * c2dad254f19). Every request therefore missed the map and added a new metrics holder, and the
 * decorator lives as long as the server. (The real holders wrapped Dropwizard timers and meters
 * registered by name; Dropwizard is not on the corpus classpath, so the model's holder keeps its
 * own counters.)
 */
package io.oomguard.cases.realfixes.armeria_requestmetricsmap.before;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/** Accepts request and response logs from the decorator and updates per-endpoint metrics. */
public final class DropwizardMetricConsumer implements MessageLogConsumer {

  private final BiFunction<RequestContext, RequestLog, String> metricNameFunc;
  private final Map<RequestLog, DropwizardRequestMetrics> methodRequestMetrics;

  public DropwizardMetricConsumer(BiFunction<RequestContext, RequestLog, String> metricNameFunc) {
    this.metricNameFunc = metricNameFunc;
    methodRequestMetrics = new ConcurrentHashMap<>();
  }

  @Override
  public void onRequest(RequestContext ctx, RequestLog req) {
    DropwizardRequestMetrics metrics = getRequestMetrics(ctx, req);
    if (req.cause() == null) {
      metrics.markStart();
    } else {
      metrics.markFailure();
    }
  }

  @Override
  public void onResponse(RequestContext ctx, ResponseLog res) {
    RequestLog req = res.request();
    DropwizardRequestMetrics metrics = getRequestMetrics(ctx, req);
    metrics.updateTime(res.endTimeNanos() - req.startTimeNanos());
    if (res.cause() == null && res.statusCode() < 400) {
      metrics.markSuccess();
    } else {
      metrics.markFailure();
    }
    metrics.requestBytes(req.contentLength());
    metrics.responseBytes(res.contentLength());
    if (req.cause() == null) {
      metrics.markComplete();
    }
  }

  private DropwizardRequestMetrics getRequestMetrics(RequestContext ctx, RequestLog req) {
    // BUG: Diagnostic contains: NonRepeatingCacheKey
    return methodRequestMetrics.computeIfAbsent(
        req,
        reqLog -> {
          String metricName = metricNameFunc.apply(ctx, reqLog);
          return new DropwizardRequestMetrics(metricName);
        });
  }
}
