package io.oomguard.checker.hotpath;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import javax.lang.model.element.AnnotationMirror;

/**
 * The hot-path model's start-up code, the one definition every check uses: methods that run once
 * while the application or an object starts, so that what they do is initialization, not work per
 * request. From the tables of {@link EntryPoints}: constructors and initializers, {@code static
 * void main(String[])}, {@link EntryPoints#START_UP_ANNOTATIONS} ({@code @PostConstruct},
 * {@code @Bean}), overrides of {@link EntryPoints#START_UP_CALLBACKS} ({@code afterPropertiesSet},
 * runners, servlet and filter {@code init}, {@code contextInitialized}) and Spring listeners of
 * {@link EntryPoints#START_UP_EVENTS}.
 */
public final class StartUpMethods {
  private StartUpMethods() {}

  /** Whether {@code method} runs once, at start-up. */
  public static boolean isStartUp(MethodSymbol method, VisitorState state) {
    if (method.isConstructor() || method.isStaticOrInstanceInit() || isMain(method)) {
      return true;
    }
    try {
      for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
        Symbol type = (Symbol) annotation.getAnnotationType().asElement();
        String annotationType = type.getQualifiedName().toString();
        if (EntryPoints.START_UP_ANNOTATIONS.contains(annotationType)) {
          return true;
        }
        if (annotationType.equals(EntryPoints.EVENT_LISTENER)
            && listensToStartUpEvent(method, (Attribute.Compound) annotation)) {
          return true;
        }
      }
      String name = method.getSimpleName().toString();
      if (method.isStatic() || !EntryPoints.START_UP_CALLBACKS.containsValue(name)) {
        return false;
      }
      for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, state.getTypes())) {
        if (EntryPoints.START_UP_CALLBACKS.containsEntry(
            overridden.owner.getQualifiedName().toString(), name)) {
          return true;
        }
      }
      return false;
    } catch (Symbol.CompletionFailure e) {
      return false; // a supertype or annotation not on the classpath: not known to be start-up
    }
  }

  private static boolean isMain(MethodSymbol method) {
    return method.isStatic()
        && method.getSimpleName().contentEquals("main")
        && method.getParameters().size() == 1
        && method.getParameters().get(0).type instanceof Type.ArrayType;
  }

  /** {@code @EventListener(ContextRefreshedEvent.class)} or a parameter of a start-up event. */
  private static boolean listensToStartUpEvent(MethodSymbol method, Attribute.Compound listener) {
    for (VarSymbol parameter : method.getParameters()) {
      if (EntryPoints.START_UP_EVENTS.contains(parameter.type.tsym.getQualifiedName().toString())) {
        return true;
      }
    }
    for (Attribute value : listener.getElementValues().values()) {
      String written = value.toString();
      if (EntryPoints.START_UP_EVENTS.stream().anyMatch(written::contains)) {
        return true;
      }
    }
    return false;
  }
}
