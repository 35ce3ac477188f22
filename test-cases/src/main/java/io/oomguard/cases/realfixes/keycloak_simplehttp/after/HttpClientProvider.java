package io.oomguard.cases.realfixes.keycloak_simplehttp.after;

import org.apache.http.impl.client.CloseableHttpClient;

/** The server's shared Apache HttpClient, configured by the connectionsHttpClient SPI. */
public interface HttpClientProvider {
  /** Default of the new max-consumed-response-size option: 10 MB. */
  long DEFAULT_MAX_CONSUMED_RESPONSE_SIZE = 10_000_000L;

  CloseableHttpClient getHttpClient();

  default long getMaxConsumedResponseSize() {
    return DEFAULT_MAX_CONSUMED_RESPONSE_SIZE;
  }
}
