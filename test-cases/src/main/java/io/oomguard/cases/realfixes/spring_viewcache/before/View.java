package io.oomguard.cases.realfixes.spring_viewcache.before;

import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** A rendered view. */
public interface View {
  void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
      throws Exception;
}
