package io.oomguard.cases.realfixes.keycloak_simplehttp.before;

import org.apache.http.impl.client.CloseableHttpClient;

/** The server's shared Apache HttpClient, configured by the connectionsHttpClient SPI. */
public interface HttpClientProvider {
  CloseableHttpClient getHttpClient();
}
