package io.oomguard.cases.realfixes.spring_viewcache.after;

import java.util.Map;
import javax.servlet.http.HttpServletRequest;

/** A handler: fills the model and returns a logical view name. */
public interface Controller {
  String handleRequest(HttpServletRequest request, Map<String, Object> model) throws Exception;
}
