package io.oomguard.cases.realfixes.jersey_descriptorcache.before;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.ws.rs.GET;

/**
 * Routes a request through a sub-resource locator: the locator returns an object, and its resource
 * model (methods, parameters) is built for this request.
 */
final class SubResourceLocatorRouter {
  private final Object parentResource;
  private final Method locatorMethod;
  private final DelegatedInjectionValueFactoryProvider valueFactoryProvider;

  SubResourceLocatorRouter(
      Object parentResource,
      Method locatorMethod,
      DelegatedInjectionValueFactoryProvider valueFactoryProvider) {
    this.parentResource = parentResource;
    this.locatorMethod = locatorMethod;
    this.valueFactoryProvider = valueFactoryProvider;
  }

  Object apply(String pathParameter) throws Exception {
    Object subResource = locatorMethod.invoke(parentResource, pathParameter);
    for (Method method : subResource.getClass().getMethods()) {
      if (method.isAnnotationPresent(GET.class)) {
        Object[] arguments = arguments(method);
        return method.invoke(subResource, arguments);
      }
    }
    return null;
  }

  /** Builds the parameter model of the method (new Parameter objects) and resolves the values. */
  private Object[] arguments(Method method) {
    List<Object> arguments = new ArrayList<>(method.getParameterCount());
    for (int i = 0; i < method.getParameterCount(); i++) {
      Parameter parameter =
          Parameter.create(
              method.getParameterTypes()[i],
              method.getGenericParameterTypes()[i],
              method.getParameterAnnotations()[i]);
      Supplier<?> factory = valueFactoryProvider.getValueFactory(parameter);
      arguments.add(factory == null ? null : factory.get());
    }
    return arguments.toArray();
  }
}
