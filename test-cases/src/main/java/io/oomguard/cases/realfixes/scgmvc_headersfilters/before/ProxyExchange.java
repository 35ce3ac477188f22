package io.oomguard.cases.realfixes.scgmvc_headersfilters.before;

import java.net.URI;
import java.util.function.BiConsumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** Sends the proxied request upstream (RestClient/HttpClient based in the gateway; reduced). */
public interface ProxyExchange {
  ServerResponse exchange(Request request);

  record Request(
      ServerRequest serverRequest,
      URI uri,
      HttpHeaders headers,
      BiConsumer<ClientHttpResponse, ServerResponse> responseConsumer) {}
}
