package io.oomguard.cases.realfixes.googlehttp_responselogging.after;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;

/** The java.net transport's response. */
final class NetHttpResponse extends LowLevelHttpResponse {
  private final HttpURLConnection connection;
  private final int responseCode;

  NetHttpResponse(HttpURLConnection connection) throws IOException {
    this.connection = connection;
    this.responseCode = connection.getResponseCode();
  }

  @Override
  public InputStream getContent() throws IOException {
    return responseCode >= 200 && responseCode < 300
        ? connection.getInputStream()
        : connection.getErrorStream();
  }

  @Override
  public String getContentEncoding() {
    return connection.getContentEncoding();
  }

  @Override
  public String getContentType() {
    return connection.getHeaderField("Content-Type");
  }

  @Override
  public long getContentLength() {
    String string = connection.getHeaderField("Content-Length");
    return string == null ? -1 : Long.parseLong(string);
  }
}
