package io.oomguard.cases.realfixes.spring_antpathmatcher.before;

import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** A controller method bound to its bean. */
public interface HandlerMethod {
  void invoke(
      HttpServletRequest request, HttpServletResponse response, Map<String, String> uriVariables)
      throws Exception;
}
