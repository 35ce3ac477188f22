package io.oomguard.checker.executors;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
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

  private StartupCode() {}

  /** Whether the code at {@code path} runs at start-up. */
  public static boolean contains(TreePath path, VisitorState state) {
    return HotPaths.inStartUpCode(path, state) || inLifecycleCallback(path);
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
