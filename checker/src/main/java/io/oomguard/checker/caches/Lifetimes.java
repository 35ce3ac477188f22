package io.oomguard.checker.caches;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Which fields live as long as the application: {@code static} fields, and instance fields of
 * objects there is one of (singleton-scoped components, servlets and filters, enum constants).
 *
 * <p>A map held by such a field is never collected, so whatever it accumulates stays on the heap.
 */
public final class Lifetimes {
  /** Spring's root stereotype; {@code @Service}, {@code @Configuration}, ... carry it. */
  private static final String SPRING_COMPONENT = "org.springframework.stereotype.Component";

  private static final String SPRING_SCOPE = "org.springframework.context.annotation.Scope";

  /** Annotations that make a class a one-per-application object, and how to call it. */
  private static final ImmutableMap<String, String> SINGLETON_ANNOTATIONS =
      ImmutableMap.<String, String>builder()
          .put("jakarta.inject.Singleton", "@Singleton")
          .put("javax.inject.Singleton", "@Singleton")
          .put("com.google.inject.Singleton", "@Singleton")
          .put("jakarta.ejb.Singleton", "@Singleton EJB")
          .put("javax.ejb.Singleton", "@Singleton EJB")
          .put("jakarta.enterprise.context.ApplicationScoped", "@ApplicationScoped bean")
          .put("javax.enterprise.context.ApplicationScoped", "@ApplicationScoped bean")
          .put("io.micronaut.context.annotation.Context", "Micronaut @Context bean")
          .put("io.micronaut.http.annotation.Controller", "Micronaut controller")
          .put("io.netty.channel.ChannelHandler.Sharable", "@Sharable Netty handler")
          .buildOrThrow();

  /** Scopes that make an otherwise singleton component short-lived. */
  private static final ImmutableSet<String> SHORT_SCOPES =
      ImmutableSet.of(
          "org.springframework.web.context.annotation.RequestScope",
          "org.springframework.web.context.annotation.SessionScope",
          "jakarta.enterprise.context.RequestScoped",
          "javax.enterprise.context.RequestScoped",
          "jakarta.enterprise.context.SessionScoped",
          "javax.enterprise.context.SessionScoped",
          "jakarta.enterprise.context.Dependent",
          "javax.enterprise.context.Dependent");

  /** Types the container instantiates once and calls for every request. */
  private static final ImmutableMap<String, String> SINGLETON_SUPERTYPES =
      ImmutableMap.<String, String>builder()
          .put("jakarta.servlet.Servlet", "servlet")
          .put("javax.servlet.Servlet", "servlet")
          .put("jakarta.servlet.Filter", "servlet filter")
          .put("javax.servlet.Filter", "servlet filter")
          .put("com.sun.net.httpserver.HttpHandler", "HttpHandler")
          .put("io.grpc.BindableService", "gRPC service")
          .buildOrThrow();

  private Lifetimes() {}

  /** Whether {@code field} holds its value for the life of the application. */
  public static boolean isLongLived(VarSymbol field, VisitorState state) {
    if (field.getKind() != ElementKind.FIELD) {
      return false;
    }
    if (ASTHelpers.isStatic(field)) {
      return true;
    }
    ClassSymbol owner = ASTHelpers.enclosingClass(field);
    return owner != null && singletonKind(owner, state).isPresent();
  }

  /**
   * How a long-lived field is held, for messages: "static field `CACHE`" or "field `cache` of the
   * Spring bean `UserService`".
   */
  public static String describe(VarSymbol field, VisitorState state) {
    if (ASTHelpers.isStatic(field)) {
      return "static field `" + field.getSimpleName() + "`";
    }
    ClassSymbol owner = ASTHelpers.enclosingClass(field);
    String name = "field `" + field.getSimpleName() + "`";
    if (owner == null) {
      return name;
    }
    return singletonKind(owner, state)
        .map(kind -> name + " of the " + kind + " `" + owner.getSimpleName() + "`")
        .orElse(name + " of `" + owner.getSimpleName() + "`");
  }

  /**
   * What makes {@code type} a one-per-application object ("Spring bean", "servlet", "enum"), or
   * empty when instances may come and go.
   */
  public static Optional<String> singletonKind(ClassSymbol type, VisitorState state) {
    try {
      if (type.getKind() == ElementKind.ENUM) {
        return Optional.of("enum");
      }
      if (hasShortScope(type)) {
        return Optional.empty();
      }
      if (hasMetaAnnotation(type, SPRING_COMPONENT, 0, new HashSet<>())) {
        return Optional.of("Spring bean");
      }
      for (Attribute.Compound annotation : type.getAnnotationMirrors()) {
        String kind = SINGLETON_ANNOTATIONS.get(annotationName(annotation));
        if (kind != null) {
          return Optional.of(kind);
        }
      }
      for (var supertype : SINGLETON_SUPERTYPES.entrySet()) {
        Type candidate = state.getTypeFromString(supertype.getKey());
        if (candidate != null && ASTHelpers.isSubtype(type.type, candidate, state)) {
          return Optional.of(supertype.getValue());
        }
      }
      return Optional.empty();
    } catch (Symbol.CompletionFailure e) {
      return Optional.empty(); // an annotation or supertype missing from the classpath
    }
  }

  private static boolean hasShortScope(ClassSymbol type) {
    for (Attribute.Compound annotation : type.getAnnotationMirrors()) {
      String name = annotationName(annotation);
      if (SHORT_SCOPES.contains(name)) {
        return true;
      }
      if (name.equals(SPRING_SCOPE)) {
        for (var element : annotation.getElementValues().entrySet()) {
          String attribute = element.getKey().getSimpleName().toString();
          Object value = element.getValue().getValue();
          if ((attribute.equals("value") || attribute.equals("scopeName"))
              && value instanceof String scope
              && !scope.isEmpty()
              && !scope.equals("singleton")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Whether {@code symbol} carries {@code name}, directly or on one of its annotations. */
  private static boolean hasMetaAnnotation(
      Symbol symbol, String name, int depth, Set<Symbol> seen) {
    for (Attribute.Compound annotation : symbol.getAnnotationMirrors()) {
      Symbol annotationType = annotation.type.tsym;
      String qualified = annotationName(annotation);
      if (qualified.equals(name)) {
        return true;
      }
      if (depth < 4
          && !qualified.startsWith("java.lang.")
          && seen.add(annotationType)
          && hasMetaAnnotation(annotationType, name, depth + 1, seen)) {
        return true;
      }
    }
    return false;
  }

  private static String annotationName(Attribute.Compound annotation) {
    return annotation.type.tsym.getQualifiedName().toString();
  }
}
