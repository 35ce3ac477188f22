package io.oomguard.cases.realfixes.micrometer_maxtagsfilter.before;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;

/** Times every RestTemplate call, tagged with its URI. */
public class MetricsClientHttpRequestInterceptor implements ClientHttpRequestInterceptor {
  private final MeterRegistry meterRegistry;
  private final String metricName;

  public MetricsClientHttpRequestInterceptor(MeterRegistry meterRegistry, String metricName) {
    this.meterRegistry = meterRegistry;
    this.metricName = metricName;
  }

  @Override
  public ClientHttpResponse intercept(
      HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
    long startTime = System.nanoTime();
    ClientHttpResponse response = null;
    try {
      response = execution.execute(request, body);
      return response;
    } finally {
      Map<String, String> tags = new HashMap<>();
      // Without a URI template, the tag is the expanded path, ids included.
      tags.put("uri", request.getURI().getPath());
      tags.put("method", request.getMethod().name());
      meterRegistry.record(metricName, tags, System.nanoTime() - startTime, TimeUnit.NANOSECONDS);
    }
  }
}
