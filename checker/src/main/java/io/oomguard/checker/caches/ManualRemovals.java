package io.oomguard.checker.caches;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.HashSet;
import java.util.Set;

/**
 * Removals that only happen by hand: the code reaching them starts at public methods nothing in the
 * module calls, and those methods do nothing but manage the cache (a {@code clearCache()}, a {@code
 * removeFromCache(key)}): they call only their own class and collections, and log. An operator or a
 * test may call them; the application's own traffic never does. A removal reached from a method
 * that does other work (an update or a delete of the data the entry was made from) is the data's
 * life cycle and is not one of these.
 */
final class ManualRemovals {
  private static final int MAX_DEPTH = 6;

  private ManualRemovals() {}

  /** Whether the removal at {@code path} is reached only from cache-management methods. */
  static boolean onlyByHand(TreePath path, VisitorState state) {
    MethodSymbol method = enclosingMethod(path);
    return method != null
        && onlyFromManagementMethods(method, ModuleCallSites.of(state), state, new HashSet<>(), 0);
  }

  private static boolean onlyFromManagementMethods(
      MethodSymbol method,
      ModuleCallSites module,
      VisitorState state,
      Set<MethodSymbol> seen,
      int depth) {
    if (depth > MAX_DEPTH || !seen.add(method)) {
      return false;
    }
    var calls = module.callsTo(method, state);
    if (calls.isEmpty()) {
      TreePath declaration = module.declaration(method, state);
      return declaration != null && managesOnlyItsCache(declaration, state);
    }
    for (TreePath call : calls) {
      MethodSymbol caller = enclosingMethod(call);
      if (caller == null || !onlyFromManagementMethods(caller, module, state, seen, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the method at {@code declaration} calls nothing but methods of its own class (and its
   * superclasses), collections, locks, {@code java.lang} and loggers.
   */
  private static boolean managesOnlyItsCache(TreePath declaration, VisitorState state) {
    if (!(declaration.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
      return false;
    }
    ClassSymbol own = ASTHelpers.enclosingClass(ASTHelpers.getSymbol(tree));
    boolean[] otherWork = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        MethodSymbol callee = ASTHelpers.getSymbol(node);
        if (callee == null || !isBookkeeping(callee, own, state)) {
          otherWork[0] = true;
        }
        return super.visitMethodInvocation(node, unused);
      }
    }.scan(tree.getBody(), null);
    return !otherWork[0];
  }

  private static boolean isBookkeeping(MethodSymbol callee, ClassSymbol own, VisitorState state) {
    if (callee.owner instanceof ClassSymbol owner && own.isSubClass(owner, state.getTypes())) {
      return true; // a method of the class itself
    }
    Symbol owner = callee.owner;
    if (CollectionValues.isMapOrCollection(owner.type, state)
        || CollectionValues.isThreadLocal(owner.type, state)) {
      return true;
    }
    String name = owner.getQualifiedName().toString();
    return name.startsWith("java.lang.")
        || name.startsWith("java.util.concurrent.locks.")
        || name.endsWith("Logger")
        || name.endsWith(".Log");
  }

  private static MethodSymbol enclosingMethod(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof MethodTree method) {
        return ASTHelpers.getSymbol(method);
      }
      if (leaf instanceof LambdaExpressionTree || leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }
}
