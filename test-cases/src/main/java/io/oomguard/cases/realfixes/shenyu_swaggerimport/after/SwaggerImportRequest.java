package io.oomguard.cases.realfixes.shenyu_swaggerimport.after;

/** The admin's import form: where the Swagger document lives and which project it belongs to. */
public class SwaggerImportRequest {
  private String swaggerUrl;
  private String projectName;

  public String getSwaggerUrl() {
    return swaggerUrl;
  }

  public void setSwaggerUrl(String swaggerUrl) {
    this.swaggerUrl = swaggerUrl;
  }

  public String getProjectName() {
    return projectName;
  }

  public void setProjectName(String projectName) {
    this.projectName = projectName;
  }
}
