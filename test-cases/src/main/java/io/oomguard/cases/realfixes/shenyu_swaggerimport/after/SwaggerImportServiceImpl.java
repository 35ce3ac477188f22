/*
 * Apache ShenYu (admin), Swagger import.
 * Bug fix: https://github.com/apache/shenyu/pull/6411 (commit d409a0429a, "fix(admin): limit
 * swagger import response body size").
 *
 * What grew: the admin fetched the Swagger/OpenAPI document of an operator-supplied URL with
 * OkHttp and materialised the whole response with `response.body().string()`; a large or endless
 * document (or a hostile server) is held in memory in full, once per import request.
 *
 * Fix: the body is read through `ResponseBody.byteStream()` in 8 KB chunks and the import is
 * rejected once a configurable maximum (`shenyu.swagger.max-body-size`, 10 MB by default) is
 * passed, with an early check of the declared Content-Length.
 */
package io.oomguard.cases.realfixes.shenyu_swaggerimport.after;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class SwaggerImportServiceImpl implements SwaggerImportService {
  private static final int READ_BUFFER_SIZE = 8192;
  private static final long DEFAULT_MAX_SWAGGER_BODY_SIZE = 10L * 1024 * 1024;

  private final DocManager docManager;
  private final HttpUtils httpUtils;

  @Value("${shenyu.swagger.max-body-size:10485760}")
  private long maxSwaggerBodySize = DEFAULT_MAX_SWAGGER_BODY_SIZE;

  public SwaggerImportServiceImpl(DocManager docManager, HttpUtils httpUtils) {
    this.docManager = docManager;
    this.httpUtils = httpUtils;
  }

  @Override
  public String importSwagger(SwaggerImportRequest request) {
    try {
      validateSwaggerUrl(request.getSwaggerUrl());
      String swaggerJson = fetchSwaggerDoc(request.getSwaggerUrl());
      validateSwaggerContent(swaggerJson);
      docManager.addDocInfo(request.getProjectName(), swaggerJson);
      return "Import successful";
    } catch (Exception e) {
      throw new RuntimeException("Import failed: " + e.getMessage(), e);
    }
  }

  @Override
  public String importMcpConfig(SwaggerImportRequest request) throws IOException {
    validateSwaggerUrl(request.getSwaggerUrl());
    String swaggerJson = fetchSwaggerDoc(request.getSwaggerUrl());
    List<String> tools = docManager.toolsOf(swaggerJson);
    return "Imported " + tools.size() + " MCP tools";
  }

  private void validateSwaggerUrl(String swaggerUrl) {
    String scheme = URI.create(swaggerUrl).getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("Only http(s) Swagger URLs are allowed");
    }
  }

  private String fetchSwaggerDoc(String swaggerUrl) throws IOException {
    try (Response response =
        httpUtils.requestForResponse(
            swaggerUrl, Collections.emptyMap(), Collections.emptyMap(), HttpUtils.HttpMethod.GET)) {
      if (response.code() != 200) {
        throw new RuntimeException("Failed to get Swagger document, HTTP " + response.code());
      }
      return readLimitedResponseBody(response.body(), maxSwaggerBodySize);
    }
  }

  private String readLimitedResponseBody(ResponseBody responseBody, long maxBodySize)
      throws IOException {
    if (Objects.isNull(responseBody)) {
      throw new IllegalArgumentException("Swagger document response body is empty");
    }
    long contentLength = responseBody.contentLength();
    if (contentLength > maxBodySize) {
      throw new IllegalArgumentException(
          "Swagger document response body exceeds maximum size of " + maxBodySize + " bytes");
    }
    ByteArrayOutputStream outputStream = new ByteArrayOutputStream();
    byte[] buffer = new byte[READ_BUFFER_SIZE];
    long totalBytes = 0;
    try (InputStream inputStream = responseBody.byteStream()) {
      int bytesRead;
      while ((bytesRead = inputStream.read(buffer)) != -1) {
        totalBytes += bytesRead;
        if (totalBytes > maxBodySize) {
          throw new IllegalArgumentException(
              "Swagger document response body exceeds maximum size of " + maxBodySize + " bytes");
        }
        outputStream.write(buffer, 0, bytesRead);
      }
    }
    Charset charset =
        Objects.isNull(responseBody.contentType())
            ? StandardCharsets.UTF_8
            : responseBody.contentType().charset(StandardCharsets.UTF_8);
    return outputStream.toString(charset);
  }

  private void validateSwaggerContent(String swaggerJson) {
    JsonObject root = JsonParser.parseString(swaggerJson).getAsJsonObject();
    if (!root.has("swagger") && !root.has("openapi")) {
      throw new IllegalArgumentException("Unsupported Swagger version");
    }
  }

  /** The admin's document store (reduced). */
  public interface DocManager {
    void addDocInfo(String projectName, String swaggerJson);

    List<String> toolsOf(String swaggerJson);
  }
}
