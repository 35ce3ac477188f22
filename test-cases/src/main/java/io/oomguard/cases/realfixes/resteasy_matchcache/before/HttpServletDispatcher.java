package io.oomguard.cases.realfixes.resteasy_matchcache.before;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.MediaType;

/** The servlet in front of the JAX-RS deployment. */
public class HttpServletDispatcher extends HttpServlet {
  private final SynchronousDispatcher dispatcher;

  public HttpServletDispatcher(SynchronousDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    try {
      Object entity = dispatcher.invoke(new ServletRequestAdapter(request));
      response.getWriter().print(entity);
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }

  /** Adapts the servlet request to RESTEasy's HttpRequest. */
  static final class ServletRequestAdapter implements HttpRequest {
    private final HttpServletRequest request;

    ServletRequestAdapter(HttpServletRequest request) {
      this.request = request;
    }

    @Override
    public String getMatchingPath() {
      return request.getPathInfo() == null ? "/" : request.getPathInfo();
    }

    @Override
    public String getHttpMethod() {
      return request.getMethod();
    }

    @Override
    public MediaType getMediaType() {
      String contentType = request.getContentType();
      return contentType == null ? null : MediaType.valueOf(contentType);
    }

    @Override
    public List<MediaType> getAcceptableMediaTypes() {
      String accept = request.getHeader("Accept");
      if (accept == null) {
        return Collections.emptyList();
      }
      List<MediaType> types = new ArrayList<>();
      for (String part : accept.split(",")) {
        types.add(MediaType.valueOf(part.trim()));
      }
      return types;
    }

    @Override
    public void setAttribute(String name, Object value) {
      request.setAttribute(name, value);
    }
  }
}
