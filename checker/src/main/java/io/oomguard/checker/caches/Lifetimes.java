package io.oomguard.checker.caches;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.oomguard.checker.PerCompilation;
import io.oomguard.checker.hotpath.ModuleClasses;
import io.oomguard.checker.hotpath.StartUpMethods;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * How long objects live: which fields hold their value for the life of the application. {@code
 * static} fields do, and instance fields of objects there is one of: singleton-scoped components
 * (Spring stereotypes, {@code @Singleton}, servlets, filters, handlers), enum constants,
 * hand-rolled singletons (a class that keeps its only instance in a static field of its own type,
 * directly or in a holder class), objects kept at initialization by a static field or by a field of
 * another long-lived object (a server created in a servlet's {@code init} and kept in a field),
 * and, for fields a base class declares, objects of a long-lived subclass.
 *
 * <p>Within one class, javac's symbols tell the first kinds; the last two need the module ({@link
 * ModuleClasses}): who keeps what, who extends what, who creates what. Without it (a compile policy
 * other than {@code simple}) only the first kinds are known. A map held by a long-lived field is
 * never collected, so whatever it accumulates stays on the heap.
 */
public final class Lifetimes {
  /** Why objects of a class live as long as the application. */
  public enum Reason {
    /** An enum: its constants are created once. */
    ENUM,
    /** A component the container creates once: annotations, or a servlet, filter or handler. */
    COMPONENT,
    /** A hand-rolled singleton: the class keeps its only instance in a static field. */
    SINGLETON,
    /** Kept at initialization by a static field or by a field of another long-lived object. */
    HELD,
    /** A base class whose long-lived subclass in the module inherits its fields. */
    BASE_CLASS
  }

  /**
   * Why objects of a class live long, and how a message names that: the kind of object ("Spring
   * bean", "singleton") or, when the object is held or inherited, where ("kept in
   * `OrderController.catalog`", "inherited by the Spring bean `JsonViews`").
   */
  public record Lifetime(Reason reason, String kind) {}

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

  /** Instance methods named like start-up callbacks, where objects kept for good are made. */
  private static final ImmutableSet<String> LIFECYCLE_NAMES =
      ImmutableSet.of("init", "initialize", "start", "afterPropertiesSet", "contextInitialized");

  /** The module's long-lived classes beyond what one class shows, worked out once. */
  private static final PerCompilation<Map<ClassSymbol, Lifetime>> HELD_CLASSES =
      new PerCompilation<>(HashMap::new);

  private static final PerCompilation<boolean[]> HELD_COMPUTED =
      new PerCompilation<>(() -> new boolean[1]);

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
    return owner != null && lifetimeOf(owner, state).isPresent();
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
    String ownerName = "`" + owner.getSimpleName() + "`";
    return lifetimeOf(owner, state)
        .map(
            lifetime ->
                switch (lifetime.reason()) {
                  case HELD, BASE_CLASS -> name + " of " + ownerName + ", " + lifetime.kind();
                  default -> name + " of the " + lifetime.kind() + " " + ownerName;
                })
        .orElse(name + " of " + ownerName);
  }

  /**
   * What makes {@code type} a one-per-application object ("Spring bean", "servlet", "enum",
   * "singleton"), or empty when instances may come and go. The same as {@link #lifetimeOf}, in
   * words.
   */
  public static Optional<String> singletonKind(ClassSymbol type, VisitorState state) {
    return lifetimeOf(type, state).map(Lifetime::kind);
  }

  /**
   * Why objects of {@code type} live as long as the application, or empty when instances may come
   * and go (or nothing says they do not).
   */
  public static Optional<Lifetime> lifetimeOf(ClassSymbol type, VisitorState state) {
    Optional<Lifetime> own = ownLifetime(type, state);
    if (own.isPresent() || hasShortScopeSafely(type)) {
      return own;
    }
    Optional<ModuleClasses> module = ModuleClasses.of(state);
    if (module.isEmpty() || !module.get().declares(type)) {
      return Optional.empty();
    }
    Map<ClassSymbol, Lifetime> held = heldClasses(module.get(), state);
    Lifetime lifetime = held.get(type);
    if (lifetime != null) {
      return Optional.of(lifetime);
    }
    // Fields a base class declares live in the objects of its subclasses.
    for (ClassSymbol subclass : module.get().subclassesOf(type)) {
      Optional<Lifetime> sub =
          Optional.ofNullable(held.get(subclass)).or(() -> ownLifetime(subclass, state));
      if (sub.isPresent()) {
        return Optional.of(
            new Lifetime(
                Reason.BASE_CLASS,
                "inherited by "
                    + (sub.get().reason() == Reason.HELD || sub.get().reason() == Reason.BASE_CLASS
                        ? "`" + subclass.getSimpleName() + "`, " + sub.get().kind()
                        : "the " + sub.get().kind() + " `" + subclass.getSimpleName() + "`")));
      }
    }
    return Optional.empty();
  }

  /** What the class itself shows: an enum, a component, a hand-rolled singleton. */
  private static Optional<Lifetime> ownLifetime(ClassSymbol type, VisitorState state) {
    try {
      if (type.getKind() == ElementKind.ENUM) {
        return Optional.of(new Lifetime(Reason.ENUM, "enum"));
      }
      if (hasShortScope(type)) {
        return Optional.empty();
      }
      if (hasMetaAnnotation(type, SPRING_COMPONENT, 0, new HashSet<>())) {
        return Optional.of(new Lifetime(Reason.COMPONENT, "Spring bean"));
      }
      for (Attribute.Compound annotation : type.getAnnotationMirrors()) {
        String kind = SINGLETON_ANNOTATIONS.get(annotationName(annotation));
        if (kind != null) {
          return Optional.of(new Lifetime(Reason.COMPONENT, kind));
        }
      }
      for (var supertype : SINGLETON_SUPERTYPES.entrySet()) {
        Type candidate = state.getTypeFromString(supertype.getKey());
        if (candidate != null && ASTHelpers.isSubtype(type.type, candidate, state)) {
          return Optional.of(new Lifetime(Reason.COMPONENT, supertype.getValue()));
        }
      }
      if (isHandRolledSingleton(type, state)) {
        return Optional.of(new Lifetime(Reason.SINGLETON, "singleton"));
      }
      return Optional.empty();
    } catch (Symbol.CompletionFailure e) {
      return Optional.empty(); // an annotation or supertype missing from the classpath
    }
  }

  /**
   * A class that keeps an instance of itself in a static field, its own or a nested holder's
   * ({@code private static final Registry INSTANCE = new Registry()}), and is created nowhere else:
   * every constructor is private, or nothing in the module creates it outside static and lazy
   * initialization.
   */
  private static boolean isHandRolledSingleton(ClassSymbol type, VisitorState state) {
    if (type.isInterface() || type.isAnonymous() || !holdsOwnInstance(type, type, state)) {
      return false;
    }
    boolean privateConstructors = true;
    for (Symbol member : type.members().getSymbols(s -> s instanceof MethodSymbol)) {
      if (((MethodSymbol) member).isConstructor() && (member.flags() & Flags.PRIVATE) == 0) {
        privateConstructors = false;
      }
    }
    if (privateConstructors) {
      return true;
    }
    Optional<ModuleClasses> module = ModuleClasses.of(state);
    return module.isPresent()
        && module.get().declares(type)
        && module.get().creatorsOf(type).isEmpty();
  }

  /** Whether {@code in} or one of its static member classes has a static field of {@code type}. */
  private static boolean holdsOwnInstance(ClassSymbol type, ClassSymbol in, VisitorState state) {
    for (Symbol member : in.members().getSymbols()) {
      if (member instanceof VarSymbol field
          && field.isStatic()
          && field.type != null
          && state
              .getTypes()
              .isSameType(state.getTypes().erasure(field.type), type.erasure(state.getTypes()))) {
        return true;
      }
      if (member instanceof ClassSymbol nested
          && nested.isStatic()
          && in == type
          && holdsOwnInstance(type, nested, state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The module's classes whose objects are kept for good: given at initialization to a static field
   * or to a field of a long-lived object, and created nowhere at run time. Worked out to a fixed
   * point, once per compilation.
   */
  private static Map<ClassSymbol, Lifetime> heldClasses(ModuleClasses module, VisitorState state) {
    Map<ClassSymbol, Lifetime> held = HELD_CLASSES.get(state);
    boolean[] computed = HELD_COMPUTED.get(state);
    if (computed[0]) {
      return held;
    }
    computed[0] = true;
    boolean changed = true;
    for (int round = 0; changed && round < 8; round++) {
      changed = false;
      for (ModuleClasses.FieldStore store : module.fieldStores()) {
        if (!(store.valueClass() instanceof ClassSymbol declared)
            || !module.declares(declared)
            || !(store.field().owner instanceof ClassSymbol owner)) {
          continue;
        }
        boolean holderLives =
            store.field().isStatic()
                || held.containsKey(owner)
                || ownLifetime(owner, state).isPresent();
        if (!holderLives
            || !(store.lazily() || store.in().stream().allMatch(m -> isInitialization(m, state)))) {
          continue;
        }
        // A field of an interface type holds one of the module's implementations of it.
        List<ClassSymbol> candidates = new ArrayList<>();
        if (declared.isInterface() || (declared.flags() & Flags.ABSTRACT) != 0) {
          for (ClassSymbol subclass : module.subclassesOf(declared)) {
            if (!subclass.isInterface()
                && !subclass.isAnonymous()
                && (subclass.flags() & Flags.ABSTRACT) == 0) {
              candidates.add(subclass);
            }
          }
        } else {
          candidates.add(declared);
        }
        for (ClassSymbol value : candidates) {
          if (held.containsKey(value)
              || hasShortScopeSafely(value)
              || ownLifetime(value, state).isPresent()
              || !createdOnlyAtInitialization(value, module, held, state)) {
            continue;
          }
          held.put(
              value,
              new Lifetime(
                  Reason.HELD,
                  "kept in `" + owner.getSimpleName() + "." + store.field().getSimpleName() + "`"));
          changed = true;
        }
      }
    }
    return held;
  }

  /** Whether every creation of {@code type} in the module runs at initialization. */
  private static boolean createdOnlyAtInitialization(
      ClassSymbol type, ModuleClasses module, Map<ClassSymbol, Lifetime> held, VisitorState state) {
    for (MethodSymbol creator : module.creatorsOf(type)) {
      boolean initialization =
          creator.isConstructor()
              ? creator.owner instanceof ClassSymbol owner
                  && (held.containsKey(owner) || ownLifetime(owner, state).isPresent())
              : isInitialization(creator, state);
      if (!initialization) {
        return false;
      }
    }
    return true;
  }

  /** A constructor, a start-up method, or an instance method named like a start-up callback. */
  private static boolean isInitialization(MethodSymbol method, VisitorState state) {
    return StartUpMethods.isStartUp(method, state)
        || (!method.isStatic() && LIFECYCLE_NAMES.contains(method.getSimpleName().toString()));
  }

  private static boolean hasShortScopeSafely(ClassSymbol type) {
    try {
      return hasShortScope(type);
    } catch (Symbol.CompletionFailure e) {
      return false;
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
