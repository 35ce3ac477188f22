package io.oomguard.cases.realfixes.spring_antpathmatcher.before;

import java.io.IOException;
import java.util.Map;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The front controller: every request goes through the one handler mapping. */
public class DispatcherServlet extends HttpServlet {
  private final RequestMappingHandlerMapping handlerMapping;

  public DispatcherServlet(RequestMappingHandlerMapping handlerMapping) {
    this.handlerMapping = handlerMapping;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    HandlerMethod handler = handlerMapping.getHandler(request);
    if (handler == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, String> uriVariables =
          (Map<String, String>)
              request.getAttribute(RequestMappingHandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
      handler.invoke(request, response, uriVariables);
    } catch (IOException | ServletException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }
}
