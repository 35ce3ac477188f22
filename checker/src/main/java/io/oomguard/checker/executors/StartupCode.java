package io.oomguard.checker.executors;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.oomguard.checker.hotpath.HotPaths;

/**
 * Where threads and pools are long-lived workers, not a leak: the hot-path model's start-up code
 * ({@link HotPaths#inStartUpCode}) plus, for the executor checks only, any instance method named
 * like a start-up callback ({@code init}, {@code start}, {@code initialize}, and {@code
 * afterPropertiesSet} or {@code contextInitialized} also where no framework interface declares
 * them, as with an XML {@code init-method}): a server's {@code start()} that spawns its acceptor
 * threads implements nothing the model could know it by.
 */
public final class StartupCode {
  private static final ImmutableSet<String> LIFECYCLE_CALLBACKS =
      ImmutableSet.of("init", "initialize", "start", "afterPropertiesSet", "contextInitialized");

  /** Instance methods named like a stop callback: they run once, when a component stops. */
  private static final ImmutableSet<String> STOP_CALLBACKS =
      ImmutableSet.of("stop", "shutdown", "close", "destroy", "contextDestroyed");

  private static final ImmutableSet<String> PRE_DESTROY =
      ImmutableSet.of("javax.annotation.PreDestroy", "jakarta.annotation.PreDestroy");

  private StartupCode() {}

  /** Whether the code at {@code path} runs at start-up. */
  public static boolean contains(TreePath path, VisitorState state) {
    return HotPaths.inStartUpCode(path, state, StartupCode::isStartCallback);
  }

  /**
   * Whether the code at {@code path} runs once when a component starts or stops: start-up code, or
   * a stop callback ({@code stop}, {@code shutdown}, {@code close}, {@code destroy},
   * {@code @PreDestroy}), where a loop walks the fixed set of things to stop.
   */
  public static boolean containsStartOrStop(TreePath path, VisitorState state) {
    return HotPaths.inStartUpCode(
        path, state, method -> isStartCallback(method) || isStopCallback(method, state));
  }

  private static boolean isStartCallback(MethodSymbol method) {
    return !method.isStatic() && LIFECYCLE_CALLBACKS.contains(method.getSimpleName().toString());
  }

  private static boolean isStopCallback(MethodSymbol method, VisitorState state) {
    return !method.isStatic()
        && (STOP_CALLBACKS.contains(method.getSimpleName().toString())
            || PRE_DESTROY.stream()
                .anyMatch(name -> ASTHelpers.hasAnnotation(method, name, state)));
  }
}
