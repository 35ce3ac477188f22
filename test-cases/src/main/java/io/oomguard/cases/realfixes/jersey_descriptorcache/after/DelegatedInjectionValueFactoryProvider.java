/*
 * Modeled on Jersey 2, issue JERSEY-2408 (https://github.com/javaee/jersey/issues/2680 and #2706,
 * "Memory leak in DelegatedInjectionValueFactoryProvider.descriptorCache: Parameter.hashCode()
 * needs to be defined?"), fixed by
 * https://github.com/javaee/jersey/commit/92c96ae9e3ec57827068044e0c31d2060bddca17
 * ("DelegatedInjectionValueFactoryProvider used Parameter as a Cache key (Parameter used default
 * hashCode/equals implementation)").
 *
 * The provider cached a proxy descriptor per resource-method Parameter in a static cache. Parameter
 * had no equals/hashCode, and for sub-resource locators Jersey builds the sub-resource model (new
 * Parameter objects) on every request, so each request to such a resource added an entry that was
 * never found again. (The real cache was HK2's Cache, a ConcurrentHashMap wrapper; the model uses
 * the map. The cached value was an anonymous subclass of HK2's AbstractActiveDescriptor; here the
 * project-side class RequestScopedProxyDescriptor.)
 *
 * The fix: Parameter implements equals and hashCode over its annotations, source, name, encoding,
 * default value and types, so the Parameters rebuilt per request find the cached descriptor.
 */
package io.oomguard.cases.realfixes.jersey_descriptorcache.after;

import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Supplies values for @Context parameters of resource methods. */
@Singleton
class DelegatedInjectionValueFactoryProvider {

  private final ContextInjectionResolver resolver;

  DelegatedInjectionValueFactoryProvider(ContextInjectionResolver resolver) {
    this.resolver = resolver;
  }

  /** Called while a (sub-)resource model is turned into a runtime model. */
  Supplier<?> getValueFactory(final Parameter parameter) {
    if (parameter.getSource() != Parameter.Source.CONTEXT) {
      return null;
    }
    final RequestScopedProxyDescriptor descriptor = getInjecteeDescriptor(parameter);
    return () -> resolver.resolve(parameter.getRawType(), descriptor);
  }

  static final ConcurrentHashMap<Parameter, RequestScopedProxyDescriptor> descriptorCache =
      new ConcurrentHashMap<>();

  private static RequestScopedProxyDescriptor getInjecteeDescriptor(Parameter parameter) {
    return descriptorCache.computeIfAbsent(
        parameter,
        p ->
            p.getRawType().isInterface() ? new RequestScopedProxyDescriptor(p.getRawType()) : null);
  }
}
