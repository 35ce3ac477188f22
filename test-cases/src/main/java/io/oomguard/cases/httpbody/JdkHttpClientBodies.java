package io.oomguard.cases.httpbody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A federation client on {@code java.net.http}: pulls metrics from peer agents. */
public class JdkHttpClientBodies {
  private static final long MAX_BYTES = 8L * 1024 * 1024;

  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();

  public String fetch(URI peer) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(peer).GET().build();
    // BUG: Diagnostic contains: `BodyHandlers.ofString()` reads the whole java.net.http response
    // body
    HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
    return response.body();
  }

  public CompletableFuture<byte[]> fetchAsync(URI peer) {
    HttpRequest request = HttpRequest.newBuilder(peer).build();
    return client
        // BUG: Diagnostic contains: `BodyHandlers.ofByteArray()`
        .sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(HttpResponse::body);
  }

  public byte[] fetchStreamThenSlurp(URI peer) throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        client.send(HttpRequest.newBuilder(peer).build(), BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      // BUG: Diagnostic contains: `HttpResponse.body()`
      return body.readAllBytes();
    }
  }

  public List<String> fetchLines(URI peer) throws IOException, InterruptedException {
    HttpResponse<Stream<String>> response =
        client.send(HttpRequest.newBuilder(peer).build(), BodyHandlers.ofLines());
    // BUG: Diagnostic contains: `lines()` gathered with `toList()`
    return response.body().filter(line -> !line.startsWith("#")).toList();
  }

  // ---- Streaming and bounded: no finding. ----

  /** The stream goes straight into the JSON parser. */
  public JsonNode fetchJson(URI peer) throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        client.send(HttpRequest.newBuilder(peer).build(), BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      return mapper.readTree(body);
    }
  }

  /** Lines consumed one at a time. */
  public long countSeries(URI peer) throws IOException, InterruptedException {
    HttpResponse<Stream<String>> response =
        client.send(HttpRequest.newBuilder(peer).build(), BodyHandlers.ofLines());
    try (Stream<String> lines = response.body()) {
      return lines.filter(line -> !line.startsWith("#")).count();
    }
  }

  /** Downloaded to a file, never to the heap. */
  public Path download(URI peer, Path target) throws IOException, InterruptedException {
    return client.send(HttpRequest.newBuilder(peer).build(), BodyHandlers.ofFile(target)).body();
  }

  /** A handler that refuses declared-large bodies before it subscribes. */
  public String fetchCapped(URI peer) throws IOException, InterruptedException {
    BodyHandler<String> capped =
        info ->
            info.headers().firstValueAsLong("Content-Length").orElse(Long.MAX_VALUE) > MAX_BYTES
                ? BodySubscribers.replacing("")
                : BodySubscribers.ofString(StandardCharsets.UTF_8);
    return client.send(HttpRequest.newBuilder(peer).build(), capped).body();
  }

  /** Reads at most the first kilobyte of a status page. */
  public String statusHeadline(URI peer) throws IOException, InterruptedException {
    HttpResponse<InputStream> response =
        client.send(HttpRequest.newBuilder(peer).build(), BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      return new String(body.readNBytes(1024), StandardCharsets.UTF_8);
    }
  }

  /** A small, fixed set of lines. */
  public String firstSamples(URI peer) throws IOException, InterruptedException {
    HttpResponse<Stream<String>> response =
        client.send(HttpRequest.newBuilder(peer).build(), BodyHandlers.ofLines());
    return response.body().limit(10).collect(Collectors.joining("\n"));
  }
}
