package io.oomguard.cases.httpbody;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Bodies that cross classes: a servlet hands the request stream to a service behind an interface,
 * and a client reads the content of a response type whose implementations the module provides.
 */
public class ServiceLayerBodies {
  private static final long MAX_ASSET = 9L * 1024 * 1024;

  /** A service that stores what it is given. */
  public interface AssetImporter {
    long importAsset(String name, InputStream content) throws IOException;
  }

  public static final class BufferingImporter implements AssetImporter {
    @Override
    public long importAsset(String name, InputStream content) throws IOException {
      BufferedInputStream in = new BufferedInputStream(content);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      int n;
      // BUG: Diagnostic contains: the whole body of `HttpServletRequest.getInputStream()` in
      // `doPost`
      while ((n = in.read(chunk)) != -1) {
        bytes.write(chunk, 0, n);
      }
      return store(name, bytes.toByteArray());
    }

    long store(String name, byte[] content) {
      return content.length;
    }
  }

  /** The same service with the size checked while copying. */
  public static final class CheckingImporter implements AssetImporter {
    @Override
    public long importAsset(String name, InputStream content) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      long total = 0;
      int n;
      while ((n = content.read(chunk)) != -1) {
        bytes.write(chunk, 0, n);
        total += n;
        if (total > MAX_ASSET) {
          throw new IOException("asset too large");
        }
      }
      return bytes.size();
    }
  }

  public static class AssetServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient AssetImporter importer;

    public AssetServlet(AssetImporter importer) {
      this.importer = importer;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      long size = importer.importAsset(req.getPathInfo(), req.getInputStream());
      resp.getWriter().print(size);
    }
  }

  /** A transport's response; the module's implementation reads the network. */
  public abstract static class TransportResponse {
    public abstract InputStream content() throws IOException;
  }

  static final class UrlTransportResponse extends TransportResponse {
    private final HttpURLConnection connection;

    UrlTransportResponse(URL url) throws IOException {
      this.connection = (HttpURLConnection) url.openConnection();
    }

    @Override
    public InputStream content() throws IOException {
      return connection.getInputStream();
    }
  }

  /** An asset type; its implementation serves a URL it was given (a class-path or file URL). */
  public interface Asset {
    InputStream stream() throws IOException;
  }

  static final class UrlAsset implements Asset {
    private final URL url;

    UrlAsset(URL url) {
      this.url = url;
    }

    @Override
    public InputStream stream() throws IOException {
      return url.openConnection().getInputStream();
    }
  }

  /**
   * Quiet: only presumed remote inside the implementation (a URL of unknown origin read through a
   * plain connection), which does not make every asset a body.
   */
  public static byte[] read(Asset asset) throws IOException {
    try (InputStream in = asset.stream()) {
      return in.readAllBytes();
    }
  }

  public static byte[] read(TransportResponse response) throws IOException {
    try (InputStream in = response.content()) {
      // BUG: Diagnostic contains: the whole body of `HttpURLConnection.getInputStream()` in
      // `content`
      return in.readAllBytes();
    }
  }
}
