package io.oomguard.cases.realfixes.shenyu_swaggerimport.before;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.springframework.stereotype.Component;

/** The admin's shared OkHttp wrapper: hands back the live {@link Response} to the caller. */
@Component
public class HttpUtils {
  public enum HttpMethod {
    GET,
    POST
  }

  private final OkHttpClient httpClient =
      new OkHttpClient.Builder()
          .connectTimeout(10, TimeUnit.SECONDS)
          .readTimeout(30, TimeUnit.SECONDS)
          .build();

  public Response requestForResponse(
      String url, Map<String, ?> form, Map<String, String> header, HttpMethod method)
      throws IOException {
    Request.Builder builder = new Request.Builder();
    header.forEach(builder::addHeader);
    if (method == HttpMethod.GET) {
      HttpUrl.Builder urlBuilder = HttpUrl.get(url).newBuilder();
      form.forEach((k, v) -> urlBuilder.addQueryParameter(k, String.valueOf(v)));
      builder.url(urlBuilder.build()).get();
    } else {
      FormBody.Builder body = new FormBody.Builder();
      form.forEach((k, v) -> body.add(k, String.valueOf(v)));
      builder.url(url).post(body.build());
    }
    return httpClient.newCall(builder.build()).execute();
  }
}
