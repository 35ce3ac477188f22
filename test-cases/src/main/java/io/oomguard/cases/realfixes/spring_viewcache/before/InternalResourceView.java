package io.oomguard.cases.realfixes.spring_viewcache.before;

import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Forwards to a JSP inside the web application. */
public class InternalResourceView implements View {
  private final String url;

  public InternalResourceView(String url) {
    this.url = url;
  }

  @Override
  public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    for (Map.Entry<String, ?> entry : model.entrySet()) {
      request.setAttribute(entry.getKey(), entry.getValue());
    }
    request.getRequestDispatcher(url).forward(request, response);
  }
}
