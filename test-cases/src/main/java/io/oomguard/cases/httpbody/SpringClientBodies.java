package io.oomguard.cases.httpbody;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** Outbound calls through Spring's HTTP clients. */
public class SpringClientBodies {
  private static final long MAX_REPORT = 10L * 1024 * 1024;

  private final RestTemplate restTemplate = new RestTemplate();
  private final RestClient restClient = RestClient.create("https://reports.internal");
  private final WebClient webClient = WebClient.create("https://reports.internal");

  public String report(String id) {
    // BUG: Diagnostic contains: `RestTemplate.getForObject(...)` for a `String`
    return restTemplate.getForObject("https://reports.internal/{id}", String.class, id);
  }

  public byte[] export(URI uri) {
    ResponseEntity<byte[]> response =
        // BUG: Diagnostic contains: `RestTemplate.exchange(...)` for a `byte[]`
        restTemplate.exchange(uri, HttpMethod.GET, null, byte[].class);
    return response.getBody();
  }

  public String reportViaRestClient(String id) {
    // BUG: Diagnostic contains: `ResponseSpec.body(...)` for a `String`
    return restClient.get().uri("/{id}", id).retrieve().body(String.class);
  }

  public ResponseEntity<byte[]> exportViaRestClient(String id) {
    // BUG: Diagnostic contains: `ResponseSpec.toEntity(...)` for a `byte[]`
    return restClient.get().uri("/{id}/export", id).retrieve().toEntity(byte[].class);
  }

  /** An interceptor that logs every response body it sees. */
  public static class ResponseLogger implements ClientHttpRequestInterceptor {
    @Override
    public ClientHttpResponse intercept(
        HttpRequest request, byte[] body, ClientHttpRequestExecution execution) throws IOException {
      ClientHttpResponse response = execution.execute(request, body);
      // BUG: Diagnostic contains: `ClientHttpResponse.getBody()`
      String logged = StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8);
      System.out.println(request.getURI() + " -> " + logged.length());
      return response;
    }
  }

  // ---- Deserialized, streamed, bounded: no finding. ----

  /** Mapped to an object by a streaming JSON converter. */
  public Report reportObject(String id) {
    return restTemplate.getForObject("https://reports.internal/{id}", Report.class, id);
  }

  /** WebClient keeps at most maxInMemorySize (256 KB by default) of a body in memory. */
  public Mono<String> reportReactive(String id) {
    return webClient.get().uri("/{id}", id).retrieve().bodyToMono(String.class);
  }

  /** Streamed to disk through a response extractor. */
  public Path download(URI uri, Path target) {
    return restTemplate.execute(
        uri,
        HttpMethod.GET,
        null,
        response -> {
          try (InputStream in = response.getBody();
              OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
          }
          return target;
        });
  }

  /** A HEAD request reports the size first; large reports are refused. */
  public String smallReport(URI uri) {
    HttpHeaders head = restTemplate.headForHeaders(uri);
    if (head.getContentLength() > MAX_REPORT) {
      throw new IllegalStateException("report too large: " + head.getContentLength());
    }
    return restTemplate.getForObject(uri, String.class);
  }

  public record Report(String id, String title) {}
}
