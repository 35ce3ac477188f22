package io.oomguard.cases.httpbody;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Scanner;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A Prometheus scraper on {@code java.net.HttpURLConnection}: the post-mortem shape (whole scrape
 * bodies read into memory) next to the streaming and capped variants that replaced it.
 */
public class UrlConnectionScraper {
  private static final long MAX_SCRAPE_BYTES = 16L * 1024 * 1024;

  private final URL target;
  private HttpURLConnection connection;

  public UrlConnectionScraper(String endpoint) throws IOException {
    this.target = URI.create(endpoint).toURL();
  }

  /** The original shape: the whole scrape in one byte array. */
  public String scrape() throws IOException {
    HttpURLConnection conn = (HttpURLConnection) target.openConnection();
    conn.setRequestProperty("Accept", "text/plain");
    try (InputStream in = conn.getInputStream()) {
      // BUG: Diagnostic contains: UnboundedHttpBodyRead
      // `readAllBytes()` reads the whole body of `HttpURLConnection.getInputStream()`
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Gzip-encoded scrapes, decoded through a wrapper chain before the whole read. */
  public String scrapeCompressed() throws IOException {
    connection = (HttpURLConnection) target.openConnection();
    connection.setRequestProperty("Accept-Encoding", "gzip");
    InputStream raw = connection.getInputStream();
    InputStream decoded =
        "gzip".equals(connection.getContentEncoding()) ? new GZIPInputStream(raw) : raw;
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(decoded, StandardCharsets.UTF_8));
    StringBuilder text = new StringBuilder();
    String line;
    // BUG: Diagnostic contains: read loop appending everything it reads to a `StringBuilder`
    while ((line = reader.readLine()) != null) {
      text.append(line).append('\n');
    }
    return text.toString();
  }

  /** Error bodies are bodies too: a 500 page can be as large as any response. */
  public String errorDetail() throws IOException {
    HttpURLConnection conn = (HttpURLConnection) target.openConnection();
    if (conn.getResponseCode() < 400) {
      return "";
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int n;
    InputStream err = conn.getErrorStream();
    // BUG: Diagnostic contains: `HttpURLConnection.getErrorStream()`
    while ((n = err.read(chunk)) != -1) {
      buffer.write(chunk, 0, n);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  /** The Scanner one-liner that reads a whole stream as one token. */
  public String scrapeWithScanner(String endpoint) throws IOException {
    URLConnection conn = new URL(endpoint).openConnection();
    // BUG: Diagnostic contains: `Scanner.useDelimiter("\\A")`
    try (Scanner scanner = new Scanner(conn.getInputStream(), "UTF-8").useDelimiter("\\A")) {
      return scanner.hasNext() ? scanner.next() : "";
    }
  }

  /** URL.openStream() on a URL that arrives as a parameter: a remote target until proven local. */
  public byte[] mirror(URL upstream) throws IOException {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    try (InputStream body = upstream.openStream()) {
      // BUG: Diagnostic contains: `transferTo(...)` into a `ByteArrayOutputStream`
      body.transferTo(copy);
    }
    return copy.toByteArray();
  }

  /** The stream comes from a helper of the same class; the whole read happens here. */
  public String scrapeViaHelper() throws IOException {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(open("/metrics"), StandardCharsets.UTF_8))) {
      // BUG: Diagnostic contains: `lines()` collected with `joining(...)`
      return reader.lines().collect(Collectors.joining("\n"));
    }
  }

  private InputStream open(String path) throws IOException {
    HttpURLConnection conn = (HttpURLConnection) new URL(target, path).openConnection();
    conn.setConnectTimeout(2_000);
    return conn.getInputStream();
  }

  /**
   * A helper that returns the whole content of whatever stream it is given: each call of it is the
   * read, reported where a body is handed to it.
   */
  private static byte[] slurp(InputStream in) throws IOException {
    return in.readAllBytes();
  }

  public byte[] scrapeRaw() throws IOException {
    HttpURLConnection conn = (HttpURLConnection) target.openConnection();
    // BUG: Diagnostic contains: `UrlConnectionScraper.slurp(...)` reads the whole body of
    // `HttpURLConnection.getInputStream()`
    return slurp(conn.getInputStream());
  }

  // ---- Bounded and streaming variants: no finding. ----

  /** The fix from the post-mortem: the parser consumes the body line by line. */
  public void scrapeStreaming(Consumer<String> sampleSink) throws IOException {
    HttpURLConnection conn = (HttpURLConnection) target.openConnection();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.startsWith("#")) {
          sampleSink.accept(line);
        }
      }
    }
  }

  /** Rejects declared-large bodies before reading. */
  public byte[] scrapeGuarded() throws IOException {
    HttpURLConnection conn = (HttpURLConnection) target.openConnection();
    if (conn.getContentLengthLong() > MAX_SCRAPE_BYTES) {
      throw new IOException("scrape larger than " + MAX_SCRAPE_BYTES + " bytes");
    }
    try (InputStream in = conn.getInputStream()) {
      return in.readAllBytes();
    }
  }

  /** Reads at most one byte more than the limit, and rejects the body if it got that far. */
  public byte[] scrapeCapped() throws IOException {
    HttpURLConnection conn = (HttpURLConnection) target.openConnection();
    try (InputStream in = conn.getInputStream()) {
      byte[] body = in.readNBytes((int) MAX_SCRAPE_BYTES + 1);
      if (body.length > MAX_SCRAPE_BYTES) {
        throw new IOException("scrape larger than " + MAX_SCRAPE_BYTES + " bytes");
      }
      return body;
    }
  }

  /** A copy loop that counts what it buffered and gives up past the limit. */
  public byte[] scrapeCounting() throws IOException {
    HttpURLConnection conn = (HttpURLConnection) target.openConnection();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    long total = 0;
    try (InputStream in = conn.getInputStream()) {
      int n;
      while ((n = in.read(chunk)) != -1) {
        total += n;
        if (total > MAX_SCRAPE_BYTES) {
          throw new IOException("scrape too large");
        }
        buffer.write(chunk, 0, n);
      }
    }
    return buffer.toByteArray();
  }

  /** Relays the body to a caller's stream without holding it. */
  public void relay(OutputStream out) throws IOException {
    try (InputStream in = target.openStream()) {
      in.transferTo(out);
    }
  }

  /** A loop over a response that only counts lines holds nothing. */
  public long countSamples() throws IOException {
    HttpURLConnection conn = (HttpURLConnection) target.openConnection();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8))) {
      return reader.lines().filter(l -> !l.startsWith("#")).count();
    }
  }

  /** Only the first lines (the HELP/TYPE header) are gathered. */
  public String header() throws IOException {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(target.openStream(), StandardCharsets.UTF_8))) {
      return reader.lines().limit(20).collect(Collectors.joining("\n"));
    }
  }

  /** A buffer flushed whenever it reaches a chunk size: bounded by its own size check. */
  public void forwardInChunks(Consumer<byte[]> chunks) throws IOException {
    HttpURLConnection conn = (HttpURLConnection) target.openConnection();
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    byte[] chunk = new byte[4096];
    try (InputStream in = conn.getInputStream()) {
      int n;
      while ((n = in.read(chunk)) != -1) {
        pending.write(chunk, 0, n);
        if (pending.size() >= 64 * 1024) {
          chunks.accept(pending.toByteArray());
          pending.reset();
        }
      }
    }
    chunks.accept(pending.toByteArray());
  }
}
