package io.oomguard.cases.realfixes.micrometer_maxtagsfilter.before;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestTemplate;

/** Auto-configuration: instruments RestTemplate and caps the cardinality of the uri tag. */
@Configuration
public class RestTemplateMetricsConfiguration {
  static final String METRIC_NAME = "http.client.requests";
  static final int MAX_URI_TAGS = 100;

  @Bean
  public MeterRegistry meterRegistry() {
    MeterRegistry registry = new MeterRegistry();
    AtomicBoolean alreadyWarned = new AtomicBoolean(false);
    registry.meterFilter(
        MeterFilter.maximumAllowableTags(
            METRIC_NAME,
            "uri",
            MAX_URI_TAGS,
            new MeterFilter() {
              @Override
              public MeterFilterReply accept(Meter.Id id) {
                if (alreadyWarned.compareAndSet(false, true)) {
                  System.err.println("Reached the maximum number of URI tags for " + METRIC_NAME);
                }
                return MeterFilterReply.DENY;
              }
            }));
    return registry;
  }

  @Bean
  public RestTemplate restTemplate(MeterRegistry meterRegistry) {
    RestTemplate restTemplate = new RestTemplate();
    restTemplate
        .getInterceptors()
        .add(new MetricsClientHttpRequestInterceptor(meterRegistry, METRIC_NAME));
    return restTemplate;
  }
}
