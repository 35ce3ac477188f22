package io.oomguard.cases.realfixes.micrometer_datadogunits.before;

import static java.util.stream.Collectors.joining;

import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Pushes every meter to Datadog once per step (reduced). */
public class DatadogMeterRegistry {
  /** Datadog settings (reduced). */
  public interface DatadogConfig {
    String applicationKey();

    boolean descriptions();

    long stepSeconds();
  }

  private final DatadogConfig config;
  private final URL postTimeSeriesEndpoint;
  private final Set<String> verifiedMetadata = ConcurrentHashMap.newKeySet();
  private final List<List<Meter>> batches;

  public DatadogMeterRegistry(DatadogConfig config, URL endpoint, List<List<Meter>> batches) {
    this.config = config;
    this.postTimeSeriesEndpoint = endpoint;
    this.batches = batches;
  }

  public void start(ScheduledExecutorService scheduler) {
    scheduler.scheduleAtFixedRate(
        this::publish, config.stepSeconds(), config.stepSeconds(), TimeUnit.SECONDS);
  }

  protected void publish() {
    Map<String, DatadogMetricMetadata> metadataToSend = new HashMap<>();
    try {
      for (List<Meter> batch : batches) {
        HttpURLConnection con = (HttpURLConnection) postTimeSeriesEndpoint.openConnection();
        con.setRequestMethod("POST");
        con.setDoOutput(true);
        String body =
            "{\"series\":["
                + batch.stream().flatMap(m -> writeMeter(m, metadataToSend)).collect(joining(","))
                + "]}";
        try (OutputStream os = con.getOutputStream()) {
          os.write(body.getBytes(StandardCharsets.UTF_8));
        }
        con.getResponseCode();
        con.disconnect();
      }
    } catch (Exception e) {
      // logged in the real registry
    }
    metadataToSend.forEach(this::postMetricMetadata);
  }

  private Stream<String> writeMeter(Meter m, Map<String, DatadogMetricMetadata> metadata) {
    return m.measure().stream()
        .map(
            ms -> {
              Meter.Id id = m.getId().withStatistic(ms.statistic());
              addToMetadataList(metadata, id, ms.statistic(), null);
              return "{\"metric\":\"" + id.name() + "\",\"points\":[[0," + ms.value() + "]]}";
            });
  }

  private void addToMetadataList(
      Map<String, DatadogMetricMetadata> metadata,
      Meter.Id id,
      Meter.Statistic stat,
      String overrideBaseUnit) {
    if (config.applicationKey() == null) {
      return; // we can't set metadata correctly without the application key
    }
    String metricName = id.name();
    if (!verifiedMetadata.contains(metricName)) {
      metadata.put(
          metricName, new DatadogMetricMetadata(id, stat, config.descriptions(), overrideBaseUnit));
    }
  }

  private void postMetricMetadata(String metricName, DatadogMetricMetadata metadata) {
    String body = metadata.editMetadataBody();
    if (!body.isEmpty()) {
      verifiedMetadata.add(metricName);
    }
  }
}
