package io.oomguard.cases.httpbody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.io.IOUtils;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.BasicResponseHandler;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/** A registry client on Apache HttpClient 4.x. */
public class ApacheHttpClient4Bodies {
  private static final long MAX_ENTITY = 2L * 1024 * 1024;

  private final CloseableHttpClient http = HttpClients.createDefault();
  private final ObjectMapper mapper = new ObjectMapper();

  public String catalog(String url) throws IOException {
    try (CloseableHttpResponse response = http.execute(new HttpGet(url))) {
      // BUG: Diagnostic contains: `EntityUtils.toString(...)` reads the whole Apache HttpClient
      // response entity
      return EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
    }
  }

  public String manifest(String url) throws IOException {
    // BUG: Diagnostic contains: `new BasicResponseHandler()`
    return http.execute(new HttpGet(url), new BasicResponseHandler());
  }

  public byte[] blob(String url) throws IOException {
    return http.execute(
        new HttpGet(url),
        (HttpResponse response) -> {
          HttpEntity entity = response.getEntity();
          try (InputStream content = entity.getContent()) {
            // BUG: Diagnostic contains: `HttpEntity.getContent()`
            return IOUtils.toByteArray(content);
          }
        });
  }

  /** Entity bytes read in a helper that is handed the response. */
  public byte[] layer(String url) throws IOException {
    try (CloseableHttpResponse response = http.execute(new HttpGet(url))) {
      return readEntity(response.getEntity());
    }
  }

  private static byte[] readEntity(HttpEntity entity) throws IOException {
    // BUG: Diagnostic contains: `EntityUtils.toByteArray(...)`
    return EntityUtils.toByteArray(entity);
  }

  // ---- Bounded, streaming or local: no finding. ----

  /** The entity's declared length is checked before the whole read. */
  public String smallCatalog(String url) throws IOException {
    try (CloseableHttpResponse response = http.execute(new HttpGet(url))) {
      HttpEntity entity = response.getEntity();
      if (entity.getContentLength() < 0 || entity.getContentLength() > MAX_ENTITY) {
        throw new IOException("catalog too large or of unknown size");
      }
      return EntityUtils.toString(entity, StandardCharsets.UTF_8);
    }
  }

  /** Parsed from the entity stream. */
  public JsonNode tags(String url) throws IOException {
    try (CloseableHttpResponse response = http.execute(new HttpGet(url));
        InputStream content = response.getEntity().getContent()) {
      return mapper.readTree(content);
    }
  }

  /** Logging the request entity this code built itself. */
  public void publish(String url, String json) throws IOException {
    HttpPost post = new HttpPost(url);
    post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
    System.out.println("POST " + url + " " + EntityUtils.toString(post.getEntity()));
    try (CloseableHttpResponse response = http.execute(post)) {
      EntityUtils.consume(response.getEntity());
    }
  }
}
