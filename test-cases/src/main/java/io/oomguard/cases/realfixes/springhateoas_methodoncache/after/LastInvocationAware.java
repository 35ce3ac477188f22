package io.oomguard.cases.realfixes.springhateoas_methodoncache.after;

import java.lang.reflect.Method;

/** What a recording proxy knows about the call made on it. */
public interface LastInvocationAware {
  Class<?> getTargetType();

  Method getLastMethod();

  Object[] getLastArguments();

  Object[] getObjectParameters();
}
