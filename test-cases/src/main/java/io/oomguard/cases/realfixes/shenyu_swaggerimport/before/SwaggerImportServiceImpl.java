/*
 * Apache ShenYu (admin), Swagger import.
 * Bug fix: https://github.com/apache/shenyu/pull/6411 (commit d409a0429a, "fix(admin): limit
 * swagger import response body size").
 *
 * What grew: the admin fetched the Swagger/OpenAPI document of an operator-supplied URL with
 * OkHttp and materialised the whole response with `response.body().string()`; a large or endless
 * document (or a hostile server) is held in memory in full, once per import request.
 */
package io.oomguard.cases.realfixes.shenyu_swaggerimport.before;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import okhttp3.Response;
import org.springframework.stereotype.Service;

@Service
public class SwaggerImportServiceImpl implements SwaggerImportService {
  private final DocManager docManager;
  private final HttpUtils httpUtils;

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
      // BUG: Diagnostic contains: UnboundedHttpBodyRead
      return response.body().string();
    }
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
