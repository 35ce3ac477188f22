package io.oomguard.cases.realfixes.jersey_descriptorcache.before;

import java.util.Map;

/** Resolves @Context injectables of the current request. */
final class ContextInjectionResolver {
  private final ThreadLocal<Map<Class<?>, Object>> current = new ThreadLocal<>();

  void enter(Map<Class<?>, Object> injectables) {
    current.set(injectables);
  }

  void exit() {
    current.remove();
  }

  Object resolve(Class<?> type, RequestScopedProxyDescriptor descriptor) {
    Map<Class<?>, Object> injectables = current.get();
    return injectables == null ? null : injectables.get(type);
  }
}
