/*
 * DataBiosphere/consent (DUOS) -- https://github.com/DataBiosphere/consent/pull/3031 (DT-4013).
 * HttpClientUtil.getHttpResponse created a new ScheduledThreadPoolExecutor on every call, only to
 * schedule the request's timeout cancel, and never shut it down; core threads never die, so each
 * call leaked threads. The /status resource runs the health checks, whose probes go through this
 * method (via a cache loader), until the process hit "unable to create native thread".
 * (The response body handling of the real class is left out.)
 */
package io.oomguard.cases.realfixes.consent_healthtimeoutpool.before;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.HttpClients;

public class HttpClientUtil {

  public record SimpleResponse(int code, String reason) {}

  private final ServicesConfiguration configuration;
  private final LoadingCache<URI, SimpleResponse> cache;
  private final HttpClient httpClient;

  public HttpClientUtil(ServicesConfiguration configuration) {
    this.configuration = configuration;
    this.httpClient = HttpClients.createDefault();
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
    final ScheduledExecutorService executor =
        // BUG: Diagnostic contains: ThreadCreationInHotPath
        Executors.newScheduledThreadPool(configuration.getPoolSize());
    executor.schedule(request::cancel, configuration.getTimeoutSeconds(), TimeUnit.SECONDS);
    return httpClient.execute(
        request, response -> new SimpleResponse(response.getCode(), response.getReasonPhrase()));
  }
}
