package io.oomguard.cases.realfixes.spring_viewcache.after;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.servlet.http.HttpServletRequest;

/** Post/redirect/get: after saving an order, redirect to the page of that order. */
public class OrderFormController implements Controller {
  private final AtomicLong ids = new AtomicLong();

  @Override
  public String handleRequest(HttpServletRequest request, Map<String, Object> model) {
    if ("POST".equals(request.getMethod())) {
      long id = ids.incrementAndGet();
      return "redirect:/orders/" + id;
    }
    model.put("customer", request.getParameter("customer"));
    return "orderForm";
  }
}
