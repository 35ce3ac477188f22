package servers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** A Spring MVC interceptor: runs before every handler. */
public class Interceptors implements HandlerInterceptor {
  private final Audit audit = new Audit();

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    audit.record(request.getRequestURI());
    return true;
  }
}
