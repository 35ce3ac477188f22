package io.oomguard.cases.realfixes.jersey_jettytimer.before;

import java.io.InputStream;
import java.net.URI;

/** Jersey's request context (reduced). */
public class ContainerRequest {

  private final URI requestUri;
  private final String method;
  private final InputStream entityStream;
  private ContainerResponseWriter writer;

  public ContainerRequest(URI requestUri, String method, InputStream entityStream) {
    this.requestUri = requestUri;
    this.method = method;
    this.entityStream = entityStream;
  }

  public void setWriter(ContainerResponseWriter writer) {
    this.writer = writer;
  }

  public ContainerResponseWriter getWriter() {
    return writer;
  }

  public URI getRequestUri() {
    return requestUri;
  }

  public String getMethod() {
    return method;
  }
}
