package io.oomguard.cases.realfixes.jersey_descriptorcache.after;

/** Describes a request-scoped proxy for an injectable interface such as UriInfo. */
final class RequestScopedProxyDescriptor {
  private final Class<?> implementationClass;

  RequestScopedProxyDescriptor(Class<?> implementationClass) {
    this.implementationClass = implementationClass;
  }

  Class<?> getImplementationClass() {
    return implementationClass;
  }

  String getScope() {
    return "RequestScoped";
  }
}
