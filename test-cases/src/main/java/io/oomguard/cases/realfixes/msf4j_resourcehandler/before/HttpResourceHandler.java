package io.oomguard.cases.realfixes.msf4j_resourcehandler.before;

import com.google.common.collect.ImmutableList;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;

/** Reads the JAX-RS annotations of every deployed service and builds the route table. */
public final class HttpResourceHandler {
  private final PatternPathRouterWithGroups<HttpResourceModel> patternRouter =
      PatternPathRouterWithGroups.create();
  private final Iterable<Object> handlers;

  public HttpResourceHandler(Iterable<? extends Object> handlers) {
    this.handlers = ImmutableList.copyOf(handlers);
    for (Object handler : handlers) {
      String basePath = "";
      if (handler.getClass().isAnnotationPresent(Path.class)) {
        basePath = handler.getClass().getAnnotation(Path.class).value();
      }
      for (Method method : handler.getClass().getDeclaredMethods()) {
        Set<String> httpMethods = getHttpMethods(method);
        if (Modifier.isPublic(method.getModifiers()) && !httpMethods.isEmpty()) {
          String relativePath = "";
          if (method.getAnnotation(Path.class) != null) {
            relativePath = method.getAnnotation(Path.class).value();
          }
          String absolutePath = String.format("%s/%s", basePath, relativePath);
          patternRouter.add(
              absolutePath, new HttpResourceModel(httpMethods, absolutePath, method, handler));
        }
      }
    }
  }

  private Set<String> getHttpMethods(Method method) {
    Set<String> httpMethods = new HashSet<>();
    if (method.isAnnotationPresent(GET.class)) {
      httpMethods.add("GET");
    }
    if (method.isAnnotationPresent(PUT.class)) {
      httpMethods.add("PUT");
    }
    if (method.isAnnotationPresent(POST.class)) {
      httpMethods.add("POST");
    }
    if (method.isAnnotationPresent(DELETE.class)) {
      httpMethods.add("DELETE");
    }
    return httpMethods;
  }

  public HttpResourceModel route(String path) {
    return patternRouter.getDestination(path);
  }
}
