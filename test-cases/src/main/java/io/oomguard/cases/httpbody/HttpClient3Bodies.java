package io.oomguard.cases.httpbody;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.commons.httpclient.HttpClient;
import org.apache.commons.httpclient.HttpMethod;
import org.apache.commons.httpclient.methods.GetMethod;

/** An upstream fetcher on Commons HttpClient 3, still found behind many proxies and gateways. */
public class HttpClient3Bodies {
  private static final int MAX_BODY = 1 << 20;

  private final HttpClient client = new HttpClient();

  public String fetchText(String url) throws IOException {
    GetMethod get = new GetMethod(url);
    try {
      client.executeMethod(get);
      // BUG: Diagnostic contains: `GetMethod.getResponseBodyAsString()` reads the whole response
      // body
      return get.getResponseBodyAsString();
    } finally {
      get.releaseConnection();
    }
  }

  public byte[] fetchBytes(HttpMethod method) throws IOException {
    client.executeMethod(method);
    // BUG: Diagnostic contains: `HttpMethod.getResponseBody()`
    return method.getResponseBody();
  }

  /** A proxy that buffers the upstream answer before writing it out. */
  public void proxy(HttpMethod method, OutputStream client) throws IOException {
    this.client.executeMethod(method);
    InputStream upstream = method.getResponseBodyAsStream();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
    byte[] chunk = new byte[8192];
    int read;
    // BUG: Diagnostic contains: the whole body of `HttpMethod.getResponseBodyAsStream()`
    while ((read = upstream.read(chunk)) > 0) {
      buffer.write(chunk, 0, read);
    }
    buffer.writeTo(client);
  }

  // ---- Bounded and streaming: no finding. ----

  /** The bounded form of the whole-body getter. */
  public byte[] fetchCapped(String url) throws IOException {
    GetMethod method = new GetMethod(url);
    client.executeMethod(method);
    return method.getResponseBody(MAX_BODY);
  }

  /** The fix of the proxy: each chunk goes straight to the client. */
  public void relay(HttpMethod method, OutputStream out) throws IOException {
    client.executeMethod(method);
    try (InputStream upstream = method.getResponseBodyAsStream()) {
      byte[] chunk = new byte[8192];
      int read;
      while ((read = upstream.read(chunk)) > 0) {
        out.write(chunk, 0, read);
      }
    }
  }
}
