package io.oomguard.checker.hotpath;

import com.google.common.base.Ascii;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.oomguard.checker.PerCompilation;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** Decides, on javac symbols, whether a method is an entry point of one of {@link EntryPoints}. */
final class EntryPointMatcher {
  /** An entry point: its family's kind, and the route or topic when the annotation names one. */
  record EntryPoint(String kind, String route) {}

  private final ImmutableSet<String> customAnnotations;

  EntryPointMatcher(ImmutableSet<String> customAnnotations) {
    this.customAnnotations = customAnnotations;
  }

  Optional<EntryPoint> match(MethodSymbol method, VisitorState state) {
    if (method.isStatic() || method.isConstructor()) {
      return Optional.empty();
    }
    for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
      AnnotationType type = annotationType(annotation, state);
      if (!type.ofFamily() && !customAnnotations.contains(type.name())) {
        continue; // most annotations (@Override, @Nullable): no entry point's, known by now
      }
      Optional<EntryPoint> byAnnotation = byAnnotation(method, annotation, type.name());
      if (byAnnotation.isPresent()) {
        return byAnnotation;
      }
    }
    // Asked for every method of every class the hot-path model scans: the names are read once
    // here, not once per family (javac decodes a name each time it is turned into a string).
    String name = method.getSimpleName().toString();
    List<String> parameterTypes = null;
    for (TypedFamily typed : typedFamilies(state)) {
      EntryPoints.Family family = typed.family();
      boolean shapeFits;
      if (family.parameterType().isPresent()) {
        if (parameterTypes == null) {
          parameterTypes = parameterTypes(method);
        }
        shapeFits = parameterTypes.contains(family.parameterType().get());
      } else {
        shapeFits = family.methodNames().contains(name);
      }
      if (shapeFits && ownerIsSubtypeOfAny(method, typed.supertypes(), state)) {
        return Optional.of(new EntryPoint(family.kind(), ""));
      }
    }
    return Optional.empty();
  }

  /** A family known by its supertypes, with those of them on the compilation's classpath. */
  private record TypedFamily(EntryPoints.Family family, ImmutableList<Type> supertypes) {}

  /** Per compilation, the families of {@link #typedFamilies}, worked out on first use. */
  private static final PerCompilation<List<ImmutableList<TypedFamily>>> TYPED_FAMILIES =
      new PerCompilation<>(() -> new ArrayList<>(1));

  /**
   * The families known by their supertypes whose supertypes the compilation can see: looked up once
   * per compilation, not once per method (a type missing from the classpath is a failed lookup each
   * time), and a family none of whose types is there (gRPC in a servlet application) is no longer
   * tried.
   */
  private static ImmutableList<TypedFamily> typedFamilies(VisitorState state) {
    List<ImmutableList<TypedFamily>> slot = TYPED_FAMILIES.get(state);
    if (slot.isEmpty()) {
      ImmutableList.Builder<TypedFamily> families = ImmutableList.builder();
      for (EntryPoints.Family family : EntryPoints.FAMILIES) {
        ImmutableList.Builder<Type> supertypes = ImmutableList.builder();
        for (String supertype : family.supertypes()) {
          Type type = state.getTypeFromString(supertype);
          if (type != null) {
            supertypes.add(type);
          }
        }
        ImmutableList<Type> present = supertypes.build();
        if (!present.isEmpty()) {
          families.add(new TypedFamily(family, present));
        }
      }
      slot.add(families.build());
    }
    return slot.get(0);
  }

  /**
   * An annotation type's qualified name, and whether it or one of its meta-annotations is a
   * family's (the test {@link #byAnnotation} makes, without the custom annotations, which are the
   * flags').
   */
  private record AnnotationType(String name, boolean ofFamily) {}

  /**
   * Per compilation, what each annotation type met on a method is: the annotations of every method
   * of every class the hot-path model scans are asked about, and they are few distinct types.
   */
  private static final PerCompilation<Map<Symbol, AnnotationType>> ANNOTATION_TYPES =
      new PerCompilation<>(IdentityHashMap::new);

  private static AnnotationType annotationType(AnnotationMirror annotation, VisitorState state) {
    Map<Symbol, AnnotationType> known = ANNOTATION_TYPES.get(state);
    Symbol symbol = (Symbol) annotation.getAnnotationType().asElement();
    AnnotationType type = known.get(symbol);
    if (type == null) {
      type = workOutAnnotationType(annotation);
      known.put(symbol, type);
    }
    return type;
  }

  private static AnnotationType workOutAnnotationType(AnnotationMirror annotation) {
    String name = qualifiedName(annotation);
    boolean ofFamily = false;
    for (EntryPoints.Family family : EntryPoints.FAMILIES) {
      ofFamily |= family.annotations().contains(name);
    }
    for (AnnotationMirror meta :
        annotation.getAnnotationType().asElement().getAnnotationMirrors()) {
      String metaName = qualifiedName(meta);
      for (EntryPoints.Family family : EntryPoints.FAMILIES) {
        ofFamily |= family.annotations().contains(metaName) && !metaName.equals(name);
      }
    }
    return new AnnotationType(name, ofFamily);
  }

  private Optional<EntryPoint> byAnnotation(
      MethodSymbol method, AnnotationMirror annotation, String name) {
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

  /** The qualified names of the classes of the method's parameters. */
  private static List<String> parameterTypes(MethodSymbol method) {
    List<String> names = new ArrayList<>(method.getParameters().size());
    for (Symbol.VarSymbol parameter : method.getParameters()) {
      Type type = parameter.asType();
      if (type.tsym != null) {
        names.add(type.tsym.getQualifiedName().toString());
      }
    }
    return names;
  }

  private static boolean ownerIsSubtypeOfAny(
      MethodSymbol method, ImmutableList<Type> supertypes, VisitorState state) {
    if (!(method.owner instanceof ClassSymbol owner)) {
      return false;
    }
    for (Type supertype : supertypes) {
      if (ASTHelpers.isSubtype(owner.asType(), supertype, state)) {
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
