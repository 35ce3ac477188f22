package io.oomguard.cases.realfixes.msf4j_resourcehandler.before;

import java.lang.reflect.Method;
import java.util.Set;

/** One JAX-RS resource method: HTTP methods, path, the method and the service instance. */
public record HttpResourceModel(
    Set<String> httpMethods, String path, Method method, Object handler) {}
