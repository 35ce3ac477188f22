package io.oomguard.cases.httpbody;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.apache.commons.io.IOUtils;

/** A scrape client on OkHttp 4. */
public class OkHttpBodies {
  private static final long MAX_BYTES = 16L * 1024 * 1024;

  private final OkHttpClient client = new OkHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();

  public String scrape(String url) throws IOException {
    Request request = new Request.Builder().url(url).build();
    try (Response response = client.newCall(request).execute()) {
      // BUG: Diagnostic contains: `ResponseBody.string()` reads the whole OkHttp response body
      return response.body().string();
    }
  }

  public byte[] download(String url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      ResponseBody body = response.body();
      // BUG: Diagnostic contains: `ResponseBody.bytes()`
      return body.bytes();
    }
  }

  public String scrapeViaStream(String url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute();
        InputStream in = response.body().byteStream()) {
      // BUG: Diagnostic contains: `ResponseBody.byteStream()`
      return IOUtils.toString(in, StandardCharsets.UTF_8);
    }
  }

  public String scrapeViaSource(String url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      BufferedSource source = response.body().source();
      // BUG: Diagnostic contains: `BufferedSource.readUtf8()`
      return source.readUtf8();
    }
  }

  /** A logging interceptor that "peeks" with no limit at all. */
  public static class BodyLoggingInterceptor implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      Response response = chain.proceed(chain.request());
      // BUG: Diagnostic contains: `ResponseBody.string()`
      String logged = response.peekBody(Long.MAX_VALUE).string();
      System.out.println(logged.length());
      return response;
    }
  }

  // ---- Bounded, streaming or local: no finding. ----

  /** A peek with a real limit, as OkHttp's own logging interceptor recommends. */
  public static class BoundedLoggingInterceptor implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
      Response response = chain.proceed(chain.request());
      String head = response.peekBody(64 * 1024).string();
      System.out.println(head.length());
      return response;
    }
  }

  /** The declared length is checked before the whole read. */
  public String scrapeGuarded(String url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      ResponseBody body = response.body();
      if (body.contentLength() > MAX_BYTES) {
        throw new IOException("body too large: " + body.contentLength());
      }
      return body.string();
    }
  }

  /** Parsed from the character stream. */
  public JsonNode fetchJson(String url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute();
        Reader reader = response.body().charStream()) {
      return mapper.readTree(reader);
    }
  }

  /** Reads the source line by line. */
  public int countLines(String url) throws IOException {
    int lines = 0;
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      BufferedSource source = response.body().source();
      while (source.readUtf8Line() != null) {
        lines++;
      }
    }
    return lines;
  }

  /** A body this code built from a string, re-read in a test double. */
  public String cannedBody() throws IOException {
    ResponseBody canned =
        ResponseBody.create("{\"status\":\"ok\"}", MediaType.get("application/json"));
    return canned.string();
  }
}
