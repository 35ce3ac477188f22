package io.oomguard.cases.realfixes.jersey_descriptorcache.after;

import java.io.IOException;
import java.util.Map;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.UriInfo;

/** The Jersey servlet: routes /orders/{id} through the locator on every request. */
public class ServletContainer extends HttpServlet {
  private final ContextInjectionResolver resolver = new ContextInjectionResolver();
  private SubResourceLocatorRouter ordersRouter;

  @Override
  public void init() throws ServletException {
    try {
      DelegatedInjectionValueFactoryProvider provider =
          new DelegatedInjectionValueFactoryProvider(resolver);
      ordersRouter =
          new SubResourceLocatorRouter(
              new OrdersResource(),
              OrdersResource.class.getMethod("order", String.class),
              provider);
    } catch (NoSuchMethodException e) {
      throw new ServletException(e);
    }
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String path = request.getPathInfo() == null ? "" : request.getPathInfo();
    if (!path.startsWith("/orders/")) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    resolver.enter(Map.<Class<?>, Object>of(UriInfo.class, request.getRequestURI()));
    try {
      Object entity = ordersRouter.apply(path.substring("/orders/".length()));
      response.getWriter().print(entity);
    } catch (Exception e) {
      throw new ServletException(e);
    } finally {
      resolver.exit();
    }
  }
}
