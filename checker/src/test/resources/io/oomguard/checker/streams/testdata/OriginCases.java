package testdata;

import com.google.common.io.ByteStreams;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.apache.commons.io.input.BoundedInputStream;

/** Each {@code origin(x)} call is reported with what BodyReadSources says about {@code x}. */
abstract class OriginCases {
  static void origin(Object value) {}

  HttpURLConnection connection;
  private InputStream pending;
  private final URL endpoint = URI.create("https://metrics.example.com/federate").toURL();

  OriginCases() throws IOException {}

  void directSources(
      HttpURLConnection conn,
      javax.servlet.http.HttpServletRequest javaxRequest,
      jakarta.servlet.http.HttpServletRequest jakartaRequest,
      com.sun.net.httpserver.HttpExchange exchange,
      org.apache.http.HttpEntity entity4,
      org.apache.hc.core5.http.HttpEntity entity5,
      okhttp3.ResponseBody okBody,
      HttpResponse<InputStream> jdkResponse,
      org.springframework.http.client.ClientHttpResponse springResponse,
      jakarta.ws.rs.container.ContainerRequestContext jaxrsRequest)
      throws IOException {
    // BUG: Diagnostic contains: NETWORK `HttpURLConnection.getInputStream()`
    origin(conn.getInputStream());
    // BUG: Diagnostic contains: NETWORK `HttpURLConnection.getErrorStream()`
    origin(conn.getErrorStream());
    // BUG: Diagnostic contains: NETWORK `HttpServletRequest.getInputStream()`
    origin(javaxRequest.getInputStream());
    // BUG: Diagnostic contains: NETWORK `HttpServletRequest.getReader()`
    origin(jakartaRequest.getReader());
    // BUG: Diagnostic contains: NETWORK `HttpExchange.getRequestBody()`
    origin(exchange.getRequestBody());
    // BUG: Diagnostic contains: NETWORK `HttpEntity.getContent()`
    origin(entity4.getContent());
    // BUG: Diagnostic contains: NETWORK `HttpEntity.getContent()`
    origin(entity5.getContent());
    // BUG: Diagnostic contains: NETWORK `ResponseBody.charStream()`
    origin(okBody.charStream());
    // BUG: Diagnostic contains: NETWORK `HttpResponse.body()`
    origin(jdkResponse.body());
    // BUG: Diagnostic contains: NETWORK `ClientHttpResponse.getBody()`
    origin(springResponse.getBody());
    // BUG: Diagnostic contains: NETWORK `ContainerRequestContext.getEntityStream()`
    origin(jaxrsRequest.getEntityStream());
  }

  void throughLocalsAndWrappers(HttpURLConnection conn, boolean gzip) throws IOException {
    InputStream raw = conn.getInputStream();
    InputStream decoded = gzip ? new GZIPInputStream(raw) : raw;
    Reader reader = new BufferedReader(new InputStreamReader(decoded, StandardCharsets.UTF_8));
    // BUG: Diagnostic contains: NETWORK `HttpURLConnection.getInputStream()`
    origin(reader);
    // BUG: Diagnostic contains: NETWORK
    origin(Objects.requireNonNull(new BufferedInputStream(raw)));
    InputStream rewrapped = raw;
    rewrapped = new BufferedInputStream(rewrapped);
    // BUG: Diagnostic contains: NETWORK
    origin(rewrapped);
  }

  void throughFields() throws IOException {
    // BUG: Diagnostic contains: NETWORK `HttpURLConnection.getInputStream()`
    origin(connection.getInputStream());
    // BUG: Diagnostic contains: NETWORK `URLConnection.getInputStream()`
    origin(pending);
    // BUG: Diagnostic contains: NETWORK `URL.openStream()`
    origin(endpoint.openStream());
  }

  void openPending() throws IOException {
    URLConnection conn = endpoint.openConnection();
    pending = conn.getInputStream();
  }

  void throughHelpers() throws IOException {
    // BUG: Diagnostic contains: NETWORK `HttpURLConnection.getInputStream()` in `open`
    origin(open("/metrics"));
    // BUG: Diagnostic contains: NETWORK `URL.openStream()` in `openUrl`
    origin(openUrl(new URL("http://peer:9100/metrics")));
    // BUG: Diagnostic contains: LOCAL
    origin(openUrl(OriginCases.class.getResource("/fixtures/sample.txt")));
    // BUG: Diagnostic contains: BOUNDED `ByteStreams.limit`
    origin(limited(open("/big")));
    // BUG: Diagnostic contains: BOUNDED a content-length check in `openChecked`
    origin(openChecked());
  }

  private InputStream open(String path) throws IOException {
    HttpURLConnection conn = (HttpURLConnection) new URL(endpoint, path).openConnection();
    return conn.getInputStream();
  }

  private static InputStream openUrl(URL url) throws IOException {
    return url.openStream();
  }

  private static InputStream limited(InputStream in) {
    return ByteStreams.limit(in, 1 << 20);
  }

  private InputStream openChecked() throws IOException {
    if (connection.getContentLengthLong() > 1_000_000) {
      throw new IOException("too large");
    }
    return connection.getInputStream();
  }

  /** Backwards from a helper's parameter to what its callers in the file pass. */
  void readsWhateverItIsGiven(InputStream in) {
    // BUG: Diagnostic contains: NETWORK `HttpURLConnection.getInputStream()` in `caller`
    origin(in);
  }

  void caller() throws IOException {
    byte[] seed = new byte[0].clone(); // a member of javac's array class must not upset the index
    readsWhateverItIsGiven(new ByteArrayInputStream(seed));
    readsWhateverItIsGiven(Files.newInputStream(Path.of("local.bin")));
    readsWhateverItIsGiven(connection.getInputStream());
  }

  void calledOnlyWithLocalContent(InputStream in) {
    // BUG: Diagnostic contains: LOCAL
    origin(in);
  }

  void localCaller() {
    calledOnlyWithLocalContent(new ByteArrayInputStream(new byte[0]));
  }

  void calledAfterAGuard(InputStream in) {
    // BUG: Diagnostic contains: BOUNDED
    origin(in);
  }

  void guardedCaller() throws IOException {
    if (connection.getContentLength() > 65_536) {
      return;
    }
    calledAfterAGuard(connection.getInputStream());
  }

  void bounds(HttpURLConnection conn, okhttp3.Response response) throws IOException {
    // BUG: Diagnostic contains: BOUNDED `ByteStreams.limit`
    origin(ByteStreams.limit(conn.getInputStream(), 4096));
    // BUG: Diagnostic contains: NETWORK
    origin(ByteStreams.limit(conn.getInputStream(), Long.MAX_VALUE));
    // BUG: Diagnostic contains: BOUNDED `BoundedInputStream`
    origin(BoundedInputStream.builder().setInputStream(conn.getInputStream()).setMaxCount(4096).get());
    // BUG: Diagnostic contains: UNKNOWN
    origin(BoundedInputStream.builder().setInputStream(conn.getInputStream()).get());
    // BUG: Diagnostic contains: BOUNDED `peekBody`
    origin(response.peekBody(65_536));
    // BUG: Diagnostic contains: UNKNOWN
    origin(response.peekBody(Long.MAX_VALUE));
    InputStream in = conn.getInputStream();
    in = ByteStreams.limit(in, 1024);
    // BUG: Diagnostic contains: BOUNDED
    origin(in);
  }

  void localContent(ClassLoader loader, Path path, Process process) throws Exception {
    // BUG: Diagnostic contains: LOCAL
    origin(OriginCases.class.getResourceAsStream("/a.txt"));
    // BUG: Diagnostic contains: LOCAL
    origin(loader.getResource("b.txt").openStream());
    // BUG: Diagnostic contains: LOCAL
    origin(new URL("file:///etc/hosts").openStream());
    URL checked = Objects.requireNonNull(OriginCases.class.getResource("/c.txt"));
    // BUG: Diagnostic contains: LOCAL
    origin(checked.openStream());
    // BUG: Diagnostic contains: LOCAL
    origin(path.toUri().toURL().openConnection().getInputStream());
    // BUG: Diagnostic contains: LOCAL
    origin(new ByteArrayInputStream(new byte[16]));
    Enumeration<URL> urls = loader.getResources("META-INF/plugin.properties");
    // BUG: Diagnostic contains: LOCAL
    origin(urls.nextElement().openStream());
    for (URL url : Collections.list(loader.getResources("META-INF/plugin.properties"))) {
      // BUG: Diagnostic contains: LOCAL
      origin(url.openStream());
    }
    // BUG: Diagnostic contains: LOCAL
    origin(Files.newInputStream(path));
    // A URL spelled from a resource URL's text keeps its scheme (Tomcat's WebappServiceLoader).
    URL jar = loader.getResource("WEB-INF/lib/a.jar");
    String base = jar.toExternalForm();
    // BUG: Diagnostic contains: LOCAL
    origin(new URI(base + "META-INF/services/x").toURL().openStream());
    // BUG: Diagnostic contains: LOCAL
    origin(URI.create(jar.toString() + "/x").toURL().openStream());
    // BUG: Diagnostic contains: UNKNOWN
    origin(process.getInputStream());
    // BUG: Diagnostic contains: UNKNOWN
    origin(System.in);
  }

  void unknownUrlsCountAsRemote(URL target) throws Exception {
    // BUG: Diagnostic contains: NETWORK `URL.openStream()`
    origin(target.openStream());
    String spelled = target.toExternalForm();
    // BUG: Diagnostic contains: NETWORK `URL.openStream()`
    origin(new URI(spelled + "/metrics").toURL().openStream());
  }

  abstract InputStream supplied();

  void unknowns(InputStream parameter) {
    // BUG: Diagnostic contains: UNKNOWN
    origin(parameter);
    // BUG: Diagnostic contains: UNKNOWN
    origin(supplied());
  }

  @jakarta.ws.rs.POST
  void jaxRsEntity(InputStream entity) {
    // BUG: Diagnostic contains: NETWORK the request body parameter `entity`
    origin(entity);
  }
}
