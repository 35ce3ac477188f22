package io.oomguard.cases.realfixes.struts_ognlexpressioncache.before;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

/** The Struts filter: creates the action, fills it from the request, executes it. */
public class StrutsPrepareAndExecuteFilter implements Filter {
  private OgnlUtil ognlUtil;
  private final ParametersInterceptor parametersInterceptor = new ParametersInterceptor();

  @Override
  public void init(FilterConfig filterConfig) {
    ognlUtil = new OgnlUtil();
    ognlUtil.setEnableExpressionCache("true");
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    SearchAction action = new SearchAction();
    OgnlValueStack stack = new OgnlValueStack(ognlUtil, action);
    parametersInterceptor.intercept(stack, request.getParameterMap());
    response.getWriter().print(action.execute());
  }
}
