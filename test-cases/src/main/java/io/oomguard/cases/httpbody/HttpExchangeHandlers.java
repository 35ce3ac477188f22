package io.oomguard.cases.httpbody;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.apache.commons.io.input.BoundedInputStream;

/** The JDK's built-in server: a tiny ingest endpoint and its bounded versions. */
public class HttpExchangeHandlers {
  static final long MAX_INGEST = 4L * 1024 * 1024;

  /** Stores each pushed batch whole before acknowledging it. */
  public static class IngestHandler implements HttpHandler {
    @Override
    public void handle(HttpExchange exchange) throws IOException {
      // BUG: Diagnostic contains: `HttpExchange.getRequestBody()`
      byte[] batch = exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
      store(batch);
    }

    void store(byte[] batch) {}
  }

  /** Reads the decoded text through a reader and a loop. */
  public static class TextIngestHandler implements HttpHandler {
    @Override
    public void handle(HttpExchange exchange) throws IOException {
      // One risk, one finding: the body copied into the buffer is the body read, not also an
      // unsized buffer.
      StringBuilder text = new StringBuilder();
      try (Reader reader =
          new InputStreamReader(exchange.getRequestBody(), StandardCharsets.UTF_8)) {
        char[] buf = new char[4096];
        int n;
        // BUG: Diagnostic contains: UnboundedHttpBodyRead
        while ((n = reader.read(buf)) > 0) {
          text.append(buf, 0, n);
        }
      }
      exchange.sendResponseHeaders(text.length() == 0 ? 400 : 202, -1);
      exchange.close();
    }
  }

  /** Checks the declared length header before reading. */
  public static class GuardedIngestHandler implements HttpHandler {
    @Override
    public void handle(HttpExchange exchange) throws IOException {
      String declared = exchange.getRequestHeaders().getFirst("Content-Length");
      if (declared == null || Long.parseLong(declared) > MAX_INGEST) {
        exchange.sendResponseHeaders(413, -1);
        exchange.close();
        return;
      }
      byte[] batch = exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
      if (batch.length == 0) {
        throw new IOException("empty batch");
      }
    }
  }

  /** Bounded with commons-io's wrapper, and echoing with transferTo: both fine. */
  public static class BoundedEchoHandler implements HttpHandler {
    @Override
    @SuppressWarnings("deprecation")
    public void handle(HttpExchange exchange) throws IOException {
      try (InputStream in = new BoundedInputStream(exchange.getRequestBody(), MAX_INGEST)) {
        byte[] head = in.readAllBytes();
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(head);
          exchange.getRequestBody().transferTo(out);
        }
      }
    }
  }
}
