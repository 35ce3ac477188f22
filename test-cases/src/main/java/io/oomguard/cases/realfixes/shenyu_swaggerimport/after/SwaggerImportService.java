package io.oomguard.cases.realfixes.shenyu_swaggerimport.after;

import java.io.IOException;

/** The service the admin controller talks to; the implementation is a Spring bean. */
public interface SwaggerImportService {
  String importSwagger(SwaggerImportRequest request);

  String importMcpConfig(SwaggerImportRequest request) throws IOException;
}
