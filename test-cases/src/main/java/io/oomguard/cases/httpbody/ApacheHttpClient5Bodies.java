package io.oomguard.cases.httpbody;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.AbstractHttpClientResponseHandler;
import org.apache.hc.client5.http.impl.classic.BasicHttpClientResponseHandler;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** The same registry client on Apache HttpClient 5.x. */
public class ApacheHttpClient5Bodies {
  private final CloseableHttpClient http = HttpClients.createDefault();

  public String catalog(String url) throws IOException {
    return http.execute(
        new HttpGet(url),
        response -> {
          // BUG: Diagnostic contains: `EntityUtils.toString(...)`
          return EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        });
  }

  public String manifest(String url) throws IOException {
    // BUG: Diagnostic contains: `new BasicHttpClientResponseHandler()`
    return http.execute(new HttpGet(url), new BasicHttpClientResponseHandler());
  }

  public byte[] blob(String url) throws IOException {
    return http.execute(
        new HttpGet(url),
        response -> {
          HttpEntity entity = response.getEntity();
          // BUG: Diagnostic contains: `EntityUtils.toByteArray(...)`
          return entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
        });
  }

  // ---- Bounded or streaming: no finding. ----

  /** HttpClient 5 reads at most maxResultLength characters. */
  public String preview(String url) throws IOException {
    return http.execute(
        new HttpGet(url),
        response -> {
          try {
            return EntityUtils.toString(response.getEntity(), 64 * 1024);
          } catch (ParseException e) {
            throw new IOException(e);
          }
        });
  }

  /** Streamed to disk. */
  public Path download(String url, Path target) throws IOException {
    return http.execute(
        new HttpGet(url),
        response -> {
          try (InputStream content = response.getEntity().getContent();
              OutputStream out = Files.newOutputStream(target)) {
            content.transferTo(out);
          }
          return target;
        });
  }

  /** A handler class of its own that streams the entity to disk, instead of the basic one. */
  public Path save(String url, Path target) throws IOException {
    return http.execute(
        new HttpGet(url),
        new AbstractHttpClientResponseHandler<Path>() {
          @Override
          public Path handleEntity(HttpEntity entity) throws IOException {
            try (InputStream content = entity.getContent()) {
              Files.copy(content, target);
            }
            return target;
          }
        });
  }
}
