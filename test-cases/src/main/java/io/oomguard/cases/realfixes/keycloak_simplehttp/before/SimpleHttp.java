/*
 * Keycloak, outgoing HTTP helper used by identity brokering (token, user-info, JWKS calls).
 * Bug fix: https://github.com/keycloak/keycloak/issues/27293 ("Denial of service via excessive
 * response size from identity provider"), PR https://github.com/keycloak/keycloak/pull/27656
 * ("Limit the received content when handling the content as a String").
 *
 * What grew: SimpleHttp.Response#asString read the whole response entity of the identity
 * provider into a String through StreamUtil.readString; an IdP (or an attacker-controlled
 * user-info URL) answering with an endless chunked body crashed Keycloak during a login.
 */
package io.oomguard.cases.realfixes.keycloak_simplehttp.before;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.entity.ContentType;

public class SimpleHttp {
  private static final ObjectMapper mapper = new ObjectMapper();

  private final HttpClient client;
  private final String url;
  private Map<String, String> headers;

  protected SimpleHttp(String url, HttpClient client) {
    this.client = client;
    this.url = url;
  }

  public static SimpleHttp doGet(String url, KeycloakSession session) {
    HttpClientProvider provider = session.getProvider(HttpClientProvider.class);
    return new SimpleHttp(url, provider.getHttpClient());
  }

  public SimpleHttp header(String name, String value) {
    if (headers == null) {
      headers = new HashMap<>();
    }
    headers.put(name, value);
    return this;
  }

  public SimpleHttp auth(String token) {
    return header("Authorization", "Bearer " + token);
  }

  public JsonNode asJson() throws IOException {
    header("Accept", "application/json");
    return mapper.readTree(asString());
  }

  public String asString() throws IOException {
    return asResponse().asString();
  }

  public Response asResponse() throws IOException {
    HttpGet httpRequest = new HttpGet(url);
    if (headers != null) {
      headers.forEach(httpRequest::setHeader);
    }
    return new Response(client.execute(httpRequest));
  }

  /** A response whose body is read once and kept as a String. */
  public static class Response {
    private final HttpResponse response;
    private String responseString;

    public Response(HttpResponse response) {
      this.response = response;
    }

    public int getStatus() {
      return response.getStatusLine().getStatusCode();
    }

    public String asString() throws IOException {
      if (responseString == null) {
        HttpEntity entity = response.getEntity();
        if (entity == null) {
          return null;
        }
        InputStream is = entity.getContent();
        ContentType contentType = ContentType.getOrDefault(entity);
        Charset charset =
            contentType.getCharset() != null ? contentType.getCharset() : StandardCharsets.UTF_8;
        try {
          Header contentEncoding = response.getFirstHeader("Content-Encoding");
          if (contentEncoding != null && "gzip".equals(contentEncoding.getValue())) {
            is = new GZIPInputStream(is);
          }
          // BUG: Diagnostic contains: UnboundedHttpBodyRead
          responseString = StreamUtil.readString(is, charset);
        } finally {
          is.close();
        }
      }
      return responseString;
    }
  }
}
