package io.oomguard.cases.realfixes.spring_viewcache.before;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The front controller: runs the handler, resolves its view name, renders the view. */
public class DispatcherServlet extends HttpServlet {
  private final Controller handler;
  private final ViewResolver viewResolver;

  public DispatcherServlet(Controller handler, ViewResolver viewResolver) {
    this.handler = handler;
    this.viewResolver = viewResolver;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    try {
      Map<String, Object> model = new HashMap<>();
      String viewName = handler.handleRequest(request, model);
      View view = viewResolver.resolveViewName(viewName, request.getLocale());
      if (view == null) {
        throw new ServletException("Could not resolve view with name '" + viewName + "'");
      }
      view.render(model, request, response);
    } catch (IOException | ServletException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }
}
