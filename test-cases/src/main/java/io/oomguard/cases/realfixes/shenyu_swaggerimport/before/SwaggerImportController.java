package io.oomguard.cases.realfixes.shenyu_swaggerimport.before;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin endpoint: an operator pastes a Swagger URL and the server fetches it. */
@RestController
@RequestMapping("/swagger")
public class SwaggerImportController {
  private final SwaggerImportService swaggerImportService;

  public SwaggerImportController(SwaggerImportService swaggerImportService) {
    this.swaggerImportService = swaggerImportService;
  }

  @PostMapping("/import")
  public String importSwagger(@RequestBody SwaggerImportRequest request) {
    try {
      return swaggerImportService.importSwagger(request);
    } catch (Exception e) {
      return "Import failed: " + e.getMessage();
    }
  }

  @PostMapping("/import/mcp")
  public String importMcpConfig(@RequestBody SwaggerImportRequest request) {
    try {
      return swaggerImportService.importMcpConfig(request);
    } catch (Exception e) {
      return "Import failed: " + e.getMessage();
    }
  }
}
