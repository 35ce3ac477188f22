package io.oomguard.cases.realfixes.resteasy_matchcache.after;

/** The deployment's registry of resource methods; one per deployment. */
public class ResourceMethodRegistry {
  protected RootNode root = new RootNode();

  /** Called while the deployment starts, once per resource method. */
  public void addResourceMethod(String path, ResourceInvoker invoker) {
    root.addInvoker(path, invoker);
  }

  public ResourceInvoker getResourceInvoker(HttpRequest request) {
    return root.match(request, 0);
  }
}
