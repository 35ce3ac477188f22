package io.oomguard.cases.httpbody;

import com.google.common.io.ByteStreams;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The static HTTP helper class every older code base has, written the way tutorials teach it. */
public final class LegacyHttpUtils {
  private LegacyHttpUtils() {}

  public static String get(String url) throws IOException {
    HttpURLConnection con = (HttpURLConnection) new URL(url).openConnection();
    con.setRequestMethod("GET");
    int status = con.getResponseCode();
    Reader streamReader;
    if (status > 299) {
      streamReader = new InputStreamReader(con.getErrorStream());
    } else {
      streamReader = new InputStreamReader(con.getInputStream());
    }
    BufferedReader in = new BufferedReader(streamReader);
    String inputLine;
    StringBuffer content = new StringBuffer();
    // BUG: Diagnostic contains: `HttpURLConnection.getErrorStream()` or
    // `HttpURLConnection.getInputStream()`
    while ((inputLine = in.readLine()) != null) {
      content.append(inputLine);
    }
    in.close();
    con.disconnect();
    return content.toString();
  }

  public static List<String> getLines(URL url) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(url.openStream()))) {
      String line;
      // BUG: Diagnostic contains: `List` of lines
      while ((line = reader.readLine()) != null) {
        lines.add(line);
      }
    }
    return lines;
  }

  public static byte[] getBytes(HttpURLConnection conn) throws IOException {
    try (InputStream in =
        conn.getResponseCode() >= 400 ? conn.getErrorStream() : conn.getInputStream()) {
      // BUG: Diagnostic contains: `ByteStreams.toByteArray(...)`
      return ByteStreams.toByteArray(in);
    }
  }

  public static String getText(URLConnection conn) throws IOException {
    // BUG: Diagnostic contains: `LegacyHttpUtils.readAll(...)` reads the whole body of
    // `URLConnection.getInputStream()`
    return readAll(new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8));
  }

  private static String readAll(Reader reader) throws IOException {
    StringBuilder text = new StringBuilder();
    int c;
    while ((c = reader.read()) != -1) {
      text.append((char) c);
    }
    return text.toString();
  }

  // ---- Streaming: no finding. ----

  /** Properties parse their input incrementally. */
  public static Properties getProperties(URL url) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = url.openStream()) {
      properties.load(in);
    }
    return properties;
  }

  /** Only the values derived from each line are kept. */
  public static List<Integer> getLineLengths(URL url) throws IOException {
    List<Integer> lengths = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(url.openStream()))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lengths.add(line.length());
      }
    }
    return lengths;
  }
}
