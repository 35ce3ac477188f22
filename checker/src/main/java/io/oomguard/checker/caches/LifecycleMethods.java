package io.oomguard.checker.caches;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.oomguard.checker.hotpath.EntryPoints;

/**
 * Methods a framework calls once while the application starts or stops, not per request: filling a
 * map at start-up is initialization, not caching; clearing it at shutdown bounds nothing.
 */
public final class LifecycleMethods {
  /** Annotations on a method that make it run once, at start-up: the hot-path model's table. */
  private static final ImmutableSet<String> STARTUP_ANNOTATIONS = EntryPoints.START_UP_ANNOTATIONS;

  /** Callbacks, by the type that declares them, that containers call once at start-up. */
  private static final ImmutableSetMultimap<String, String> STARTUP_CALLBACKS =
      ImmutableSetMultimap.<String, String>builder()
          .put("org.springframework.beans.factory.InitializingBean", "afterPropertiesSet")
          .put(
              "org.springframework.beans.factory.SmartInitializingSingleton",
              "afterSingletonsInstantiated")
          .put("org.springframework.boot.CommandLineRunner", "run")
          .put("org.springframework.boot.ApplicationRunner", "run")
          .put("jakarta.servlet.Servlet", "init")
          .put("javax.servlet.Servlet", "init")
          .put("jakarta.servlet.GenericServlet", "init")
          .put("javax.servlet.GenericServlet", "init")
          .put("jakarta.servlet.Filter", "init")
          .put("javax.servlet.Filter", "init")
          .put("jakarta.servlet.ServletContextListener", "contextInitialized")
          .put("javax.servlet.ServletContextListener", "contextInitialized")
          .build();

  private static final ImmutableSet<String> SHUTDOWN_NAMES =
      ImmutableSet.of("close", "shutdown", "destroy", "stop", "dispose");

  private static final String EVENT_LISTENER = "org.springframework.context.event.EventListener";

  /** Spring events that fire once, when the application context is up. */
  private static final ImmutableSet<String> STARTUP_EVENTS =
      ImmutableSet.of(
          "org.springframework.context.event.ContextRefreshedEvent",
          "org.springframework.boot.context.event.ApplicationReadyEvent",
          "org.springframework.boot.context.event.ApplicationStartedEvent");

  private LifecycleMethods() {}

  /**
   * Whether {@code method} runs once while the application starts: {@code @PostConstruct},
   * {@code @Bean} factories, {@code afterPropertiesSet}, servlet and filter {@code init}, runners,
   * start-up event listeners, {@code static void main}. Constructors and initializer blocks are
   * handled by the caller, since whether they run once depends on the class.
   */
  public static boolean isStartup(MethodSymbol method, VisitorState state) {
    try {
      for (String annotation : STARTUP_ANNOTATIONS) {
        if (ASTHelpers.hasAnnotation(method, annotation, state)) {
          return true;
        }
      }
      if (isMain(method) || listensToStartupEvent(method)) {
        return true;
      }
      String name = method.getSimpleName().toString();
      if (!STARTUP_CALLBACKS.containsValue(name)) {
        return false;
      }
      for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, state.getTypes())) {
        String owner = overridden.owner.getQualifiedName().toString();
        if (STARTUP_CALLBACKS.containsEntry(owner, name)) {
          return true;
        }
      }
      return false;
    } catch (Symbol.CompletionFailure e) {
      return false;
    }
  }

  /**
   * Whether {@code method} runs once when the application or the object is torn down:
   * {@code @PreDestroy}, {@code destroy}, {@code close}, {@code shutdown}, {@code stop}, {@code
   * dispose}, servlet {@code contextDestroyed}.
   */
  public static boolean isShutdown(MethodSymbol method, VisitorState state) {
    try {
      String name = method.getSimpleName().toString();
      return (SHUTDOWN_NAMES.contains(name) && method.getParameters().isEmpty())
          || name.equals("contextDestroyed")
          || ASTHelpers.hasAnnotation(method, "jakarta.annotation.PreDestroy", state)
          || ASTHelpers.hasAnnotation(method, "javax.annotation.PreDestroy", state);
    } catch (Symbol.CompletionFailure e) {
      return false;
    }
  }

  private static boolean isMain(MethodSymbol method) {
    return ASTHelpers.isStatic(method)
        && method.getSimpleName().contentEquals("main")
        && method.getParameters().size() == 1
        && method.getParameters().get(0).type instanceof Type.ArrayType;
  }

  private static boolean listensToStartupEvent(MethodSymbol method) {
    for (Attribute.Compound annotation : method.getAnnotationMirrors()) {
      if (!annotation.type.tsym.getQualifiedName().contentEquals(EVENT_LISTENER)) {
        continue;
      }
      for (VarSymbol parameter : method.getParameters()) {
        if (STARTUP_EVENTS.contains(parameter.type.tsym.getQualifiedName().toString())) {
          return true;
        }
      }
      for (var element : annotation.getElementValues().values()) {
        if (STARTUP_EVENTS.stream().anyMatch(event -> element.toString().contains(event))) {
          return true;
        }
      }
    }
    return false;
  }
}
