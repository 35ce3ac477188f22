package io.oomguard.cases.realfixes.resteasy_matchcache.after;

import java.lang.reflect.Method;

/** Invokes a resource method on its resource object. */
public class ResourceMethodInvoker implements ResourceInvoker {
  private final Object resource;
  private final Method method;

  public ResourceMethodInvoker(Object resource, Method method) {
    this.resource = resource;
    this.method = method;
  }

  @Override
  public Object invoke(HttpRequest request) throws Exception {
    return method.invoke(resource);
  }
}
