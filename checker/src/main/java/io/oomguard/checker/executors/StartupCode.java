package io.oomguard.checker.executors;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.sun.source.util.TreePath;
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

  private StartupCode() {}

  /** Whether the code at {@code path} runs at start-up. */
  public static boolean contains(TreePath path, VisitorState state) {
    return HotPaths.inStartUpCode(
        path,
        state,
        method ->
            !method.isStatic() && LIFECYCLE_CALLBACKS.contains(method.getSimpleName().toString()));
  }
}
