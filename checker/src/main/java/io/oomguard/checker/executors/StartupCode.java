package io.oomguard.checker.executors;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import javax.lang.model.element.Modifier;

/**
 * Code that runs once, when the application or an object starts: constructors, initializer blocks,
 * {@code main}, {@code @PostConstruct} and {@code @Bean} methods, and the usual lifecycle callbacks
 * ({@code init}, {@code start}, {@code afterPropertiesSet}, {@code contextInitialized}). Threads
 * started and pools created there are the application's long-lived workers, not a leak.
 */
public final class StartupCode {
  private static final ImmutableSet<String> ANNOTATIONS = ImmutableSet.of("PostConstruct", "Bean");

  private static final ImmutableSet<String> LIFECYCLE_METHODS =
      ImmutableSet.of("init", "initialize", "start", "afterPropertiesSet", "contextInitialized");

  private StartupCode() {}

  /** Whether the innermost method (or initializer block) around {@code path} is start-up code. */
  public static boolean contains(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof MethodTree method) {
        return isStartupMethod(ASTHelpers.getSymbol(method));
      }
      if (leaf instanceof ClassTree) {
        return true; // a field initializer or an initializer block
      }
    }
    return false;
  }

  private static boolean isStartupMethod(MethodSymbol method) {
    if (method == null) {
      return false;
    }
    if (method.isConstructor() || LIFECYCLE_METHODS.contains(method.getSimpleName().toString())) {
      return true;
    }
    if (method.getSimpleName().contentEquals("main")
        && method.getModifiers().contains(Modifier.STATIC)
        && method.getParameters().size() == 1) {
      return true;
    }
    return method.getAnnotationMirrors().stream()
        .map(annotation -> (Symbol) annotation.getAnnotationType().asElement())
        .anyMatch(type -> ANNOTATIONS.contains(type.getSimpleName().toString()));
  }
}
