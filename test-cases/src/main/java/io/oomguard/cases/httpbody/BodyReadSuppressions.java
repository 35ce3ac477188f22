package io.oomguard.cases.httpbody;

import io.oomguard.annotations.OomSafe;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Findings silenced on purpose, with the reason next to them. */
public class BodyReadSuppressions {
  private final OkHttpClient client = new OkHttpClient();

  /** The peer is our own health endpoint; its body is a fixed-size JSON object. */
  @SuppressWarnings("UnboundedHttpBodyRead")
  public String health(String url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      return response.body().string();
    }
  }

  @OomSafe("the metadata endpoint is link-local and answers with a few hundred bytes")
  public byte[] instanceMetadata() throws IOException {
    HttpURLConnection conn =
        (HttpURLConnection) new URL("http://169.254.169.254/latest/meta-data/").openConnection();
    try (InputStream in = conn.getInputStream()) {
      return in.readAllBytes();
    }
  }

  /** Without the annotation the same read is reported. */
  public byte[] unannotatedMetadata() throws IOException {
    HttpURLConnection conn =
        (HttpURLConnection) new URL("http://169.254.169.254/latest/meta-data/").openConnection();
    try (InputStream in = conn.getInputStream()) {
      // BUG: Diagnostic contains: UnboundedHttpBodyRead
      return in.readAllBytes();
    }
  }
}
