package io.oomguard.cases.realfixes.armeria_requestmetricsmap.after;

import java.util.function.Function;

/** Decorates a service with per-endpoint metrics named prefix.path.method. */
public final class DropwizardMetricCollectingService extends LogCollectingService {

  public static Function<Service, DropwizardMetricCollectingService> newDecorator(
      String metricNamePrefix) {
    return service -> new DropwizardMetricCollectingService(service, metricNamePrefix);
  }

  private DropwizardMetricCollectingService(Service delegate, String metricNamePrefix) {
    super(
        delegate,
        new DropwizardMetricConsumer(
            (ctx, req) ->
                metricNamePrefix + "." + ctx.pathMappingMetricName() + "." + req.method()));
  }
}
