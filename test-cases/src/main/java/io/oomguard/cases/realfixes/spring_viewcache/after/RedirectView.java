package io.oomguard.cases.realfixes.spring_viewcache.after;

import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Sends a redirect to a URL fixed at construction. */
public class RedirectView implements View {
  private final String url;
  private final boolean contextRelative;

  public RedirectView(String url, boolean contextRelative) {
    this.url = url;
    this.contextRelative = contextRelative;
  }

  @Override
  public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    String target = contextRelative ? request.getContextPath() + url : url;
    response.sendRedirect(response.encodeRedirectURL(target));
  }
}
