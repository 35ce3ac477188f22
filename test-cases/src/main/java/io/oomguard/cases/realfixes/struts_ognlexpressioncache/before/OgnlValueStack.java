package io.oomguard.cases.realfixes.struts_ognlexpressioncache.before;

import java.util.HashMap;
import java.util.Map;

/** The value stack of one request: its root is the action being invoked. */
public class OgnlValueStack {
  private final OgnlUtil ognlUtil;
  private final Object root;
  private final Map<String, Object> context = new HashMap<>();

  public OgnlValueStack(OgnlUtil ognlUtil, Object root) {
    this.ognlUtil = ognlUtil;
    this.root = root;
  }

  /** Sets a request parameter on the action: the parameter name is an expression. */
  public void setParameter(String expr, Object value) {
    try {
      ognlUtil.setValue(expr, context, root, value);
    } catch (RuntimeException e) {
      context.put("conversionError." + expr, e.getMessage());
    }
  }

  public Object findValue(String expr) {
    return ognlUtil.getValue(expr, context, root);
  }
}
