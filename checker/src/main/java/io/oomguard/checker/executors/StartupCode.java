package io.oomguard.checker.executors;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.oomguard.checker.hotpath.HotPaths;

/**
 * Code that runs once, when the application or a component starts: the hot-path model's start-up
 * code ({@link HotPaths#inStartUpCode}: constructors, initializers, {@code main}, {@code
 * PostConstruct}, {@code @Bean}) plus the lifecycle callbacks that start a component's workers
 * ({@code init}, {@code start}, {@code initialize}, {@code afterPropertiesSet}, {@code
 * contextInitialized}). Threads started and pools created there are long-lived workers, not a leak.
 */
public final class StartupCode {
  private static final ImmutableSet<String> LIFECYCLE_CALLBACKS =
      ImmutableSet.of("init", "initialize", "start", "afterPropertiesSet", "contextInitialized");

  private StartupCode() {}

  /** Whether the code at {@code path} runs at start-up. */
  public static boolean contains(TreePath path) {
    return HotPaths.inStartUpCode(path) || inLifecycleCallback(path);
  }

  private static boolean inLifecycleCallback(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
        return false;
      }
      if (leaf instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        return symbol != null
            && !symbol.isStatic()
            && LIFECYCLE_CALLBACKS.contains(symbol.getSimpleName().toString());
      }
    }
    return false;
  }
}
