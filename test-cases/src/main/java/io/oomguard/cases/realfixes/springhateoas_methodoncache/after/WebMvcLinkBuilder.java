package io.oomguard.cases.realfixes.springhateoas_methodoncache.after;

import java.lang.reflect.Method;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Builds links to controller methods from recorded invocations. */
public final class WebMvcLinkBuilder {
  private final String href;

  private WebMvcLinkBuilder(String href) {
    this.href = href;
  }

  public static <T> T methodOn(Class<T> controller, Object... parameters) {
    return DummyInvocationUtils.methodOn(controller, parameters);
  }

  /** Expands the type-level mapping with the methodOn parameters, then the method mapping. */
  public static WebMvcLinkBuilder linkTo(Object invocationValue) {
    LastInvocationAware invocation = DummyInvocationUtils.getLastInvocationAware(invocationValue);
    RequestMapping typeMapping = invocation.getTargetType().getAnnotation(RequestMapping.class);
    String template = typeMapping == null ? "" : typeMapping.value()[0];
    for (Object parameter : invocation.getObjectParameters()) {
      template = template.replaceFirst("\\{[^}]+}", String.valueOf(parameter));
    }
    Method method = invocation.getLastMethod();
    GetMapping methodMapping = method.getAnnotation(GetMapping.class);
    if (methodMapping != null && methodMapping.value().length > 0) {
      template = template + methodMapping.value()[0];
    }
    return new WebMvcLinkBuilder(template);
  }

  public String withSelfRel() {
    return "<" + href + ">; rel=\"self\"";
  }
}
