package io.oomguard.cases.realfixes.spark_inputstreamserializer.before;

import java.io.IOException;
import java.io.OutputStream;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Spark's servlet filter: finds the route, runs it, and serializes what it returned. */
public class MatcherFilter implements Filter {
  /** Route lookup and invocation (reduced). */
  public interface RouteMatcher {
    /** The route's result for this request, or null when no route matches. */
    Object handle(String httpMethod, String uri, HttpServletRequest request) throws Exception;
  }

  private final RouteMatcher routeMatcher;
  private final SerializerChain serializerChain;

  public MatcherFilter(RouteMatcher routeMatcher) {
    this.routeMatcher = routeMatcher;
    this.serializerChain = new SerializerChain();
  }

  @Override
  public void init(FilterConfig filterConfig) {}

  @Override
  public void doFilter(
      ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest httpRequest = (HttpServletRequest) servletRequest;
    HttpServletResponse httpResponse = (HttpServletResponse) servletResponse;
    Object bodyContent;
    try {
      bodyContent =
          routeMatcher.handle(
              httpRequest.getMethod().toLowerCase(), httpRequest.getPathInfo(), httpRequest);
    } catch (Exception e) {
      httpResponse.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
      bodyContent = "<html><body><h2>500 Internal Error</h2></body></html>";
    }
    if (bodyContent != null) {
      if (!httpResponse.isCommitted()) {
        if (httpResponse.getContentType() == null) {
          httpResponse.setContentType("text/html; charset=utf-8");
        }
        OutputStream outputStream = httpResponse.getOutputStream();
        serializerChain.process(outputStream, bodyContent);
        outputStream.flush();
      }
    } else if (chain != null) {
      chain.doFilter(httpRequest, httpResponse);
    }
  }

  @Override
  public void destroy() {}
}
