package io.oomguard.cases.realfixes.struts_ognlexpressioncache.after;

import java.util.Map;
import java.util.regex.Pattern;

/** Copies the request parameters onto the action, one expression per parameter name. */
public class ParametersInterceptor {
  private static final Pattern ACCEPTED_PARAM_NAMES =
      Pattern.compile("\\w+((\\.\\w+)|(\\[\\d+])|(\\['(\\w-?)+']))*");

  public void intercept(OgnlValueStack stack, Map<String, String[]> parameters) {
    for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
      String name = entry.getKey();
      if (name.length() <= 100 && ACCEPTED_PARAM_NAMES.matcher(name).matches()) {
        String[] values = entry.getValue();
        stack.setParameter(name, values.length == 1 ? values[0] : values);
      }
    }
  }
}
