package io.oomguard.checker.caches;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import io.oomguard.checker.Guard;
import io.oomguard.checker.caches.NonRepeatingValues.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Whether a never-repeating key is really an identifier: a value the method hands back to its
 * caller or keeps elsewhere (returned, stored in a field, stored as a value, passed to other code),
 * so the entry can be looked up and removed later — a session id, a ticket id, a correlation id.
 * Only locals of the method are followed.
 */
public final class Identifiers {
  private Identifiers() {}

  /**
   * Whether the value in the locals {@code source} flows through is handed back to the caller or
   * kept elsewhere (returned, stored in a field, a value in another map, passed to other code): it
   * is then an identifier someone can look the entry up with, not a key that never repeats.
   */
  public static boolean isHandedBack(Source source, VisitorState state) {
    Tree code = NonRepeatingValues.enclosingCode(state.getPath());
    TreePath codePath =
        code == null ? null : TreePath.getPath(state.getPath().getCompilationUnit(), code);
    if (codePath == null || source.locals().isEmpty()) {
      return false;
    }
    try {
      return flowsOut(source, codePath, state);
    } catch (RuntimeException e) {
      Guard.recover(e, "where a cache key's value flows", codePath.getLeaf(), state);
      return true; // assume an identifier, report nothing
    }
  }

  private static boolean flowsOut(Source source, TreePath codePath, VisitorState state) {
    Deque<Symbol> work = new ArrayDeque<>(source.locals());
    Set<Symbol> seen = new HashSet<>(source.locals());
    while (!work.isEmpty()) {
      Symbol local = work.pop();
      for (TreePath use : uses(local, codePath)) {
        Use consumer = consumerOf(use, state);
        if (consumer.escapes()) {
          return true;
        }
        if (consumer.intoLocal() != null && seen.add(consumer.intoLocal())) {
          work.push(consumer.intoLocal());
        }
      }
    }
    return false;
  }

  private record Use(boolean escapes, @Nullable Symbol intoLocal) {
    static final Use NONE = new Use(false, null);
    static final Use ESCAPES = new Use(true, null);
  }

  private static List<TreePath> uses(Symbol local, TreePath code) {
    List<TreePath> uses = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        if (local.equals(ASTHelpers.getSymbol(node))) {
          uses.add(getCurrentPath());
        }
        return null;
      }
    }.scan(code, null);
    return uses;
  }

  private static Use consumerOf(TreePath use, VisitorState state) {
    Tree child = use.getLeaf();
    for (TreePath path = use.getParentPath(); path != null; path = path.getParentPath()) {
      Tree parent = path.getLeaf();
      if (parent instanceof ParenthesizedTree
          || parent instanceof TypeCastTree
          || parent instanceof NewClassTree
          || parent instanceof NewArrayTree) {
        child = parent;
        continue;
      }
      if (parent instanceof ConditionalExpressionTree conditional) {
        if (conditional.getCondition() == child) {
          return Use.NONE;
        }
        child = parent;
        continue;
      }
      if (parent instanceof BinaryTree binary) {
        if (!NonRepeatingValues.isString(ASTHelpers.getType(binary))) {
          return Use.NONE; // compared or computed with, not handed on
        }
        child = parent;
        continue;
      }
      if (parent instanceof MemberSelectTree
          && path.getParentPath().getLeaf() instanceof MethodInvocationTree call
          && call.getMethodSelect() == parent) {
        // a call on the value: text conversions carry it on, anything else only reads it
        if (!NonRepeatingValues.TO_TEXT.contains(
            ASTHelpers.getSymbol(call).getSimpleName().toString())) {
          return Use.NONE;
        }
        child = call;
        path = path.getParentPath();
        continue;
      }
      if (parent instanceof MethodInvocationTree call) {
        MethodSymbol method = ASTHelpers.getSymbol(call);
        if (ASTHelpers.isStatic(method)
            && NonRepeatingValues.CARRIES_ARGUMENTS.contains(method.getSimpleName().toString())) {
          child = call; // String.valueOf(id), List.of(id): the result carries it on
          continue;
        }
        return argumentUse(call, child, state);
      }
      if (parent instanceof VariableTree variable) {
        Symbol target = ASTHelpers.getSymbol(variable);
        return target != null && target.getKind() == ElementKind.LOCAL_VARIABLE
            ? new Use(false, target)
            : Use.ESCAPES;
      }
      if (parent instanceof AssignmentTree assignment) {
        Symbol target = ASTHelpers.getSymbol(assignment.getVariable());
        return target != null && target.getKind() == ElementKind.LOCAL_VARIABLE
            ? new Use(false, target)
            : Use.ESCAPES;
      }
      if (parent instanceof ReturnTree || parent instanceof LambdaExpressionTree) {
        return returnUse(path, state);
      }
      return Use.NONE;
    }
    return Use.NONE;
  }

  /**
   * The value passed as an argument: the key of a cache access is its job; anything else keeps it.
   */
  private static Use argumentUse(MethodInvocationTree call, Tree argument, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (CacheAccesses.isCacheAccess(call, state)) {
      return call.getArguments().indexOf(argument) == 0 ? Use.NONE : Use.ESCAPES;
    }
    if (isLoggingOrCheck(method)) {
      return Use.NONE;
    }
    ExpressionTree receiver = NonRepeatingValues.rootReceiver(call);
    Symbol target = receiver == null ? null : ASTHelpers.getSymbol(receiver);
    if (target != null && target.getKind() == ElementKind.LOCAL_VARIABLE) {
      return new Use(false, target); // sb.append(id), body.put("id", id): goes where the local goes
    }
    return Use.ESCAPES;
  }

  private static Use returnUse(TreePath path, VisitorState state) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree || p.getLeaf() instanceof ClassTree) {
        return Use.ESCAPES;
      }
      if (p.getLeaf() instanceof LambdaExpressionTree
          && p.getParentPath().getLeaf() instanceof MethodInvocationTree call
          && CacheAccesses.isCacheAccess(call, state)) {
        return Use.NONE; // the loader's result is the cached value
      }
      if (p.getLeaf() instanceof LambdaExpressionTree) {
        return Use.ESCAPES;
      }
    }
    return Use.ESCAPES;
  }

  private static boolean isLoggingOrCheck(MethodSymbol method) {
    String owner = method.owner.getQualifiedName().toString();
    return owner.equals("java.util.Objects")
        || owner.equals("com.google.common.base.Preconditions")
        || owner.equals("java.io.PrintStream")
        || owner.endsWith("Logger")
        || owner.endsWith(".Log")
        || owner.endsWith("LoggingEventBuilder");
  }
}
