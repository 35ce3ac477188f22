package io.oomguard.checker.caches;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;

/**
 * Methods a framework calls once while the application or an object stops, not per request:
 * clearing a map at shutdown bounds nothing. (Start-up is the hot-path model's {@link
 * io.oomguard.checker.hotpath.StartUpMethods}.)
 */
public final class LifecycleMethods {
  private static final ImmutableSet<String> SHUTDOWN_NAMES =
      ImmutableSet.of("close", "shutdown", "destroy", "stop", "dispose");

  private LifecycleMethods() {}

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
}
