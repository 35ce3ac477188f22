package io.oomguard.cases.realfixes.resteasy_matchcache.before;

/** Dispatches each request to the resource method the registry picks. */
public class SynchronousDispatcher {
  private final ResourceMethodRegistry registry;

  public SynchronousDispatcher(ResourceMethodRegistry registry) {
    this.registry = registry;
  }

  public Object invoke(HttpRequest request) throws Exception {
    ResourceInvoker invoker = registry.getResourceInvoker(request);
    return invoker.invoke(request);
  }
}
