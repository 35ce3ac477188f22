package io.oomguard.cases.httpbody;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Bodies handed to the project's own stream helpers, written the way util classes are: a call of a
 * helper that returns a stream's whole content, or copies it into a buffer, is the read.
 */
public class StreamHelperBodies {
  private static final long MAX_BODY = 1 << 20;

  /** The project's util class. */
  static final class Streams {
    private Streams() {}

    static byte[] toByteArray(InputStream in) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      copy(in, out);
      return out.toByteArray();
    }

    static long copy(InputStream in, OutputStream out) throws IOException {
      byte[] chunk = new byte[4096];
      long count = 0;
      int n;
      while ((n = in.read(chunk)) != -1) {
        out.write(chunk, 0, n);
        count += n;
      }
      return count;
    }

    static String readString(InputStream in) throws IOException {
      StringWriter text = new StringWriter();
      copy(new InputStreamReader(in, StandardCharsets.UTF_8), text);
      return text.toString();
    }

    static void copy(Reader in, Writer out) throws IOException {
      char[] chunk = new char[4096];
      int n;
      while ((n = in.read(chunk)) != -1) {
        out.write(chunk, 0, n);
      }
    }
  }

  /** The project's own limiting stream: counts what passes and fails past a maximum. */
  static final class LimitedInputStream extends FilterInputStream {
    private final long max;
    private long count;

    LimitedInputStream(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      if (count > max) {
        throw new IOException("body larger than " + max + " bytes");
      }
      return n;
    }
  }

  public static class UploadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      // BUG: Diagnostic contains: `Streams.toByteArray(...)` reads the whole body of
      // `HttpServletRequest.getInputStream()`
      byte[] upload = Streams.toByteArray(req.getInputStream());
      resp.getWriter().print(upload.length);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      // BUG: Diagnostic contains: `Streams.readString(...)` reads the whole body
      String text = Streams.readString(req.getInputStream());
      resp.getWriter().print(text.length());
    }
  }

  public static byte[] download(HttpURLConnection connection) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (InputStream in = connection.getInputStream()) {
      // BUG: Diagnostic contains: `Streams.copy(...)` into a `ByteArrayOutputStream` reads the
      // whole body of `HttpURLConnection.getInputStream()`
      Streams.copy(in, bytes);
    }
    return bytes.toByteArray();
  }

  // ---- Bounded, streaming or local: no finding. ----

  /** The body read through the project's own limiting stream. */
  public static byte[] downloadCapped(HttpURLConnection connection) throws IOException {
    try (InputStream in = new LimitedInputStream(connection.getInputStream(), MAX_BODY)) {
      return Streams.toByteArray(in);
    }
  }

  /** The body relayed to another stream through the helper: nothing held. */
  public static void relay(HttpURLConnection connection, OutputStream out) throws IOException {
    try (InputStream in = connection.getInputStream()) {
      Streams.copy(in, out);
    }
  }

  /** A local file through the same helper. */
  public static byte[] load(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Streams.toByteArray(in);
    }
  }
}
