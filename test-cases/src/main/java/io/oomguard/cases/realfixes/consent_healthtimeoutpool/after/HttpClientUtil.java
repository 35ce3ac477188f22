/*
 * DataBiosphere/consent (DUOS) -- https://github.com/DataBiosphere/consent/pull/3031 (DT-4013).
 * HttpClientUtil.getHttpResponse created a new ScheduledThreadPoolExecutor on every call and never
 * shut it down, leaking threads on every health-check probe.
 * Fix: one shared timeout executor, created in the constructor with daemon threads named
 * "http-client-timeout"; each request's scheduled cancel is cancelled once the request completes.
 */
package io.oomguard.cases.realfixes.consent_healthtimeoutpool.after;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.HttpClients;

public class HttpClientUtil {

  public record SimpleResponse(int code, String reason) {}

  private final ServicesConfiguration configuration;
  private final LoadingCache<URI, SimpleResponse> cache;
  private final HttpClient httpClient;
  private final ScheduledThreadPoolExecutor timeoutExecutor;

  public HttpClientUtil(ServicesConfiguration configuration) {
    this.configuration = configuration;
    this.httpClient = HttpClients.createDefault();
    this.timeoutExecutor =
        new ScheduledThreadPoolExecutor(
            configuration.getPoolSize(),
            runnable -> {
              Thread thread = new Thread(runnable, "http-client-timeout");
              thread.setDaemon(true);
              return thread;
            });
    CacheLoader<URI, SimpleResponse> loader =
        new CacheLoader<>() {
          @Override
          public SimpleResponse load(URI uri) throws Exception {
            return getHttpResponse(new HttpGet(uri));
          }
        };
    this.cache =
        CacheBuilder.newBuilder()
            .expireAfterWrite(configuration.getCacheExpireMinutes(), TimeUnit.MINUTES)
            .build(loader);
  }

  public SimpleResponse getCachedResponse(HttpGet request) throws IOException {
    try {
      return cache.get(request.getUri());
    } catch (Exception e) {
      return getHttpResponse(request);
    }
  }

  /** Limits the request to the configured number of seconds by cancelling it from a timer. */
  public SimpleResponse getHttpResponse(HttpGet request) throws IOException {
    ScheduledFuture<?> timeout =
        timeoutExecutor.schedule(
            request::cancel, configuration.getTimeoutSeconds(), TimeUnit.SECONDS);
    try {
      return httpClient.execute(
          request, response -> new SimpleResponse(response.getCode(), response.getReasonPhrase()));
    } finally {
      timeout.cancel(false);
    }
  }
}
