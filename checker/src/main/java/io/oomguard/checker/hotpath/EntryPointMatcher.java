package io.oomguard.checker.hotpath;

import com.google.common.base.Ascii;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** Decides, on javac symbols, whether a method is an entry point of one of {@link EntryPoints}. */
final class EntryPointMatcher {
  /**
   * An entry point: its family's kind, the route or topic when the annotation names one, and
   * whether it is a weak origin, taken only when no other reaches the method: an entry point only
   * because it takes a request object, or a chain read from the cross-class index (javac's own view
   * of the module, when there is one, says more).
   */
  record EntryPoint(String kind, String route, boolean weak) {
    EntryPoint(String kind, String route) {
      this(kind, route, false);
    }
  }

  private final ImmutableSet<String> customAnnotations;

  /** Each family's parameter types as javac's symbols (those on the class path), looked up once. */
  private final Map<EntryPoints.Family, Set<Symbol>> parameterSymbols = new HashMap<>();

  /** Whether a class has a supertype of a Thrift family's names, asked once per class. */
  private final Map<Symbol, Boolean> generatedServices = new HashMap<>();

  EntryPointMatcher(ImmutableSet<String> customAnnotations) {
    this.customAnnotations = customAnnotations;
  }

  Optional<EntryPoint> match(MethodSymbol method, VisitorState state) {
    if (method.isConstructor()) {
      return Optional.empty();
    }
    if (!method.isStatic()) {
      for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
        Optional<EntryPoint> byAnnotation = byAnnotation(method, annotation);
        if (byAnnotation.isPresent()) {
          return byAnnotation;
        }
      }
    }
    // Asked for every method of every class the hot-path model scans: the names are read once
    // here, not once per family (javac decodes a name each time it is turned into a string).
    String name = method.getSimpleName().toString();
    for (EntryPoints.Family family : EntryPoints.FAMILIES) {
      if (family.supertypes().isEmpty() && !family.isParameterFamily()) {
        continue; // an annotation family: matched above
      }
      if (!family.methodNames().isEmpty() && !family.methodNames().contains(name)) {
        continue;
      }
      if (!family.parameterTypes().isEmpty() && !takesAny(method, family, state)) {
        continue;
      }
      if (family.isParameterFamily()) {
        return Optional.of(new EntryPoint(family.kind(), "", true));
      }
      if (method.isStatic()) {
        continue;
      }
      boolean matches =
          family.thrownType().isPresent()
              ? overridesGeneratedService(method, family, state)
              : ownerIsSubtypeOfAny(method, family.supertypes(), state);
      if (matches) {
        return Optional.of(new EntryPoint(family.kind(), ""));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a lambda or method reference is an entry point: it implements an interface of an
   * override family through the family's method ({@code (exchange, chain) -> ...} as a {@code
   * WebFilter}), or it takes a parameter of a parameter family ({@code ctx -> ...} given a Vert.x
   * {@code RoutingContext}).
   */
  Optional<EntryPoint> matchFunctional(ExpressionTree functional, VisitorState state) {
    Type type = ASTHelpers.getType(functional);
    if (type == null || type.tsym == null) {
      return Optional.empty();
    }
    MethodSymbol descriptor;
    try {
      descriptor = (MethodSymbol) state.getTypes().findDescriptorSymbol(type.tsym);
    } catch (RuntimeException e) {
      return Optional.empty(); // not a functional interface after all
    }
    String name = descriptor.getSimpleName().toString();
    List<String> parameterTypes = new ArrayList<>();
    for (Type parameter : state.getTypes().findDescriptorType(type).getParameterTypes()) {
      if (parameter.tsym != null) {
        parameterTypes.add(parameter.tsym.getQualifiedName().toString());
      }
    }
    for (EntryPoints.Family family : EntryPoints.FAMILIES) {
      if (family.isParameterFamily()) {
        if (takesAny(parameterTypes, family)) {
          return Optional.of(new EntryPoint(family.kind(), ""));
        }
        continue;
      }
      if (!family.isOverrideFamily() || !family.methodNames().contains(name)) {
        continue;
      }
      if (!family.parameterTypes().isEmpty() && !takesAny(parameterTypes, family)) {
        continue;
      }
      for (String supertype : family.supertypes()) {
        Type candidate = state.getTypeFromString(supertype);
        if (candidate != null
            && ASTHelpers.isSubtype(state.getTypes().erasure(type), candidate, state)) {
          return Optional.of(new EntryPoint(family.kind(), ""));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether one of the method's parameters is of one of the family's parameter types. */
  private boolean takesAny(MethodSymbol method, EntryPoints.Family family, VisitorState state) {
    Set<Symbol> wanted =
        parameterSymbols.computeIfAbsent(
            family,
            f -> {
              Set<Symbol> symbols = new HashSet<>();
              for (String name : f.parameterTypes()) {
                Type type = state.getTypeFromString(name);
                if (type != null) {
                  symbols.add(type.tsym);
                }
              }
              return symbols;
            });
    if (wanted.isEmpty()) {
      return false;
    }
    for (Symbol.VarSymbol parameter : method.getParameters()) {
      if (parameter.type != null && wanted.contains(parameter.type.tsym)) {
        return true;
      }
    }
    return false;
  }

  private static boolean takesAny(List<String> parameterTypes, EntryPoints.Family family) {
    for (String parameterType : parameterTypes) {
      if (family.parameterTypes().contains(parameterType)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code method} overrides a method declared to throw the family's exception in an
   * interface with one of the family's simple names (a Thrift service's generated {@code Iface}).
   */
  private static boolean overridesGeneratedService(
      MethodSymbol method, EntryPoints.Family family, VisitorState state) {
    try {
      if (!(method.owner instanceof ClassSymbol owner)
          || state.getTypes().closure(owner.type).stream()
              .noneMatch(
                  type -> family.supertypes().contains(type.tsym.getSimpleName().toString()))) {
        return false; // asked for every method: the owner's supertypes first, cached by javac
      }
      for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, state.getTypes())) {
        if (!family.supertypes().contains(overridden.owner.getSimpleName().toString())) {
          continue;
        }
        for (Type thrown : overridden.getThrownTypes()) {
          if (thrown.tsym != null
              && thrown.tsym.getQualifiedName().contentEquals(family.thrownType().get())) {
            return true;
          }
        }
      }
    } catch (Symbol.CompletionFailure e) {
      return false;
    }
    return false;
  }

  private Optional<EntryPoint> byAnnotation(MethodSymbol method, AnnotationMirror annotation) {
    String name = qualifiedName(annotation);
    if (customAnnotations.contains(name)) {
      return Optional.of(new EntryPoint("entry point @" + simpleName(name), ""));
    }
    for (EntryPoints.Family family : EntryPoints.FAMILIES) {
      if (family.annotations().contains(name)) {
        return Optional.of(new EntryPoint(family.kind(), route(method, annotation, annotation)));
      }
    }
    // One level of meta-annotation: Spring composed annotations such as @GetJson.
    for (AnnotationMirror meta :
        annotation.getAnnotationType().asElement().getAnnotationMirrors()) {
      String metaName = qualifiedName(meta);
      for (EntryPoints.Family family : EntryPoints.FAMILIES) {
        if (family.annotations().contains(metaName) && !metaName.equals(name)) {
          return Optional.of(new EntryPoint(family.kind(), route(method, meta, annotation)));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * "GET /orders/{id}" for web annotations, "topic orders" for listeners, else "". The family's
   * {@code annotation} gives the verb; {@code declared}, the annotation on the method (the same, or
   * a composed annotation meta-annotated with it), gives the path.
   */
  private static String route(
      MethodSymbol method, AnnotationMirror annotation, AnnotationMirror declared) {
    String name = qualifiedName(annotation);
    String simple = simpleName(name);
    if (name.startsWith("org.springframework.web.bind.annotation.")) {
      String verb =
          simple.equals("RequestMapping")
              ? firstValue(annotation, "method").map(EntryPointMatcher::lastSegment).orElse("")
              : Ascii.toUpperCase(simple.replace("Mapping", ""));
      String path =
          join(
              classAnnotationValue(
                  method, simple.equals("RequestMapping") ? name : requestMapping(name)),
              firstValue(declared, "value").or(() -> firstValue(declared, "path")).orElse(""));
      return (verb + " " + path).trim();
    }
    if (name.startsWith("javax.ws.rs.") || name.startsWith("jakarta.ws.rs.")) {
      String pathAnnotation = name.substring(0, name.lastIndexOf('.') + 1) + "Path";
      String path =
          join(
              classAnnotationValue(method, pathAnnotation),
              annotationValue(method, pathAnnotation).orElse(""));
      return (simple + " " + path).trim();
    }
    if (name.startsWith("io.micronaut.http.annotation.")) {
      String path =
          join(
              classAnnotationValue(method, "io.micronaut.http.annotation.Controller"),
              firstValue(annotation, "value").or(() -> firstValue(annotation, "uri")).orElse(""));
      return (Ascii.toUpperCase(simple) + " " + path).trim();
    }
    if (simple.equals("KafkaListener")) {
      return firstValue(annotation, "topics").map(topic -> "topic " + topic).orElse("");
    }
    if (simple.equals("RabbitListener")) {
      return firstValue(annotation, "queues").map(queue -> "queue " + queue).orElse("");
    }
    if (simple.equals("JmsListener")) {
      return firstValue(annotation, "destination").map(dest -> "destination " + dest).orElse("");
    }
    return "";
  }

  private static String requestMapping(String mappingShortcut) {
    return mappingShortcut.substring(0, mappingShortcut.lastIndexOf('.') + 1) + "RequestMapping";
  }

  private static String classAnnotationValue(MethodSymbol method, String annotationName) {
    Symbol owner = method.owner;
    if (owner == null) {
      return "";
    }
    for (AnnotationMirror annotation : owner.getAnnotationMirrors()) {
      if (qualifiedName(annotation).equals(annotationName)) {
        return firstValue(annotation, "value").or(() -> firstValue(annotation, "path")).orElse("");
      }
    }
    return "";
  }

  private static Optional<String> annotationValue(MethodSymbol method, String annotationName) {
    for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
      if (qualifiedName(annotation).equals(annotationName)) {
        return firstValue(annotation, "value");
      }
    }
    return Optional.empty();
  }

  /** The first element of an annotation attribute that is a string, enum or array of those. */
  private static Optional<String> firstValue(AnnotationMirror annotation, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        annotation.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return scalar(entry.getValue().getValue());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> scalar(Object value) {
    if (value instanceof String text) {
      return Optional.of(text);
    }
    if (value instanceof VariableElement enumConstant) {
      return Optional.of(enumConstant.getSimpleName().toString());
    }
    if (value instanceof List<?> list && !list.isEmpty()) {
      Object first = list.get(0);
      return first instanceof AnnotationValue element
          ? scalar(element.getValue())
          : Optional.empty();
    }
    return Optional.empty();
  }

  private static String join(String prefix, String path) {
    String joined =
        Stream.of(prefix, path)
            .map(part -> part.replaceAll("^/+|/+$", ""))
            .filter(part -> !part.isEmpty())
            .collect(Collectors.joining("/"));
    return joined.isEmpty() ? "" : "/" + joined;
  }

  private static boolean ownerIsSubtypeOfAny(
      MethodSymbol method, ImmutableSet<String> supertypes, VisitorState state) {
    if (!(method.owner instanceof ClassSymbol owner)) {
      return false;
    }
    for (String supertype : supertypes) {
      Type type = state.getTypeFromString(supertype);
      if (type != null && ASTHelpers.isSubtype(owner.asType(), type, state)) {
        return true;
      }
    }
    return false;
  }

  private static String qualifiedName(AnnotationMirror annotation) {
    return ((TypeElement) annotation.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  private static String simpleName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }

  private static String lastSegment(String value) {
    return value.substring(value.lastIndexOf('.') + 1);
  }
}
