package io.oomguard.checker.streams;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import java.util.List;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Recognizes a content-length guard: a comparison of the declared body size against a limit,
 * earlier in the same method than a read, such as {@code if (conn.getContentLengthLong() > MAX)
 * throw ...;} or {@code if (request.getContentLength() <= limit) { ... }}.
 *
 * <p>The declared size is any of {@code getContentLength()}, {@code getContentLengthLong()}, {@code
 * contentLength()} (OkHttp, Spring), an upload's {@code getSize()}, a JAX-RS response's {@code
 * getLength()}, or a header looked up by the name {@code Content-Length}, directly or through a
 * local variable. Comparisons against {@code 0} or {@code -1} only ask whether there is a body and
 * do not count, nor do comparisons against {@code Integer.MAX_VALUE} or more (they only ask whether
 * it fits in an array).
 */
public final class ContentLengthGuards {
  private static final ImmutableSet<String> LENGTH_METHODS =
      ImmutableSet.of("getContentLength", "getContentLengthLong", "contentLength");

  private static final Matcher<ExpressionTree> OTHER_LENGTHS =
      anyOf(
          instanceMethod()
              .onDescendantOfAny(
                  "org.springframework.web.multipart.MultipartFile",
                  "javax.servlet.http.Part",
                  "jakarta.servlet.http.Part",
                  "org.apache.commons.fileupload.FileItem")
              .named("getSize"),
          instanceMethod()
              .onDescendantOfAny("javax.ws.rs.core.Response", "jakarta.ws.rs.core.Response")
              .named("getLength"));

  private static final int MAX_LOCAL_DEPTH = 3;

  /** How many callers up a guard of a helper's callers is looked for. */
  private static final int MAX_CALLER_DEPTH = 2;

  private ContentLengthGuards() {}

  /**
   * Whether a content-length guard stands before the leaf of {@code path} in its method, or, for a
   * helper, before every call of that method in the file.
   */
  public static boolean guardsBefore(TreePath path, VisitorState state) {
    return guardsBefore(path, SourceIndex.of(path.getCompilationUnit()), state);
  }

  static boolean guardsBefore(TreePath path, SourceIndex index, VisitorState state) {
    return guardsBefore(path, index, state, 0);
  }

  private static boolean guardsBefore(
      TreePath path, SourceIndex index, VisitorState state, int depth) {
    MethodTree method = enclosingMethod(path);
    if (method == null) {
      return false;
    }
    if (guardedWithin(method, ASTHelpers.getStartPosition(path.getLeaf()), index, state)) {
      return true;
    }
    // readBody(conn) after `if (conn.getContentLengthLong() > MAX) throw ...;` in each caller.
    MethodSymbol symbol = ASTHelpers.getSymbol(method);
    List<TreePath> calls = symbol == null ? List.of() : index.callsOf(symbol);
    return depth < MAX_CALLER_DEPTH
        && !calls.isEmpty()
        && calls.stream().allMatch(call -> guardsBefore(call, index, state, depth + 1));
  }

  private static boolean guardedWithin(
      MethodTree method, int target, SourceIndex index, VisitorState state) {
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitBinary(BinaryTree tree, Void unused) {
            if (ASTHelpers.getStartPosition(tree) < target && isLimitCheck(tree, index, state)) {
              return true;
            }
            return super.visitBinary(tree, null);
          }

          @Override
          public Boolean visitClass(ClassTree tree, Void unused) {
            return false; // a nested class's code is not on this method's path
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(method, null);
    return Boolean.TRUE.equals(found);
  }

  private static @Nullable MethodTree enclosingMethod(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree method) {
        return method;
      }
      if (p.getLeaf() instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  private static boolean isLimitCheck(BinaryTree tree, SourceIndex index, VisitorState state) {
    switch (tree.getKind()) {
      case LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN, GREATER_THAN_EQUAL -> {}
      default -> {
        return false;
      }
    }
    return (isDeclaredLength(tree.getLeftOperand(), index, state, 0)
            && isLimit(tree.getRightOperand()))
        || (isDeclaredLength(tree.getRightOperand(), index, state, 0)
            && isLimit(tree.getLeftOperand()));
  }

  /** A positive limit below {@code Integer.MAX_VALUE}, or a value that is not a constant. */
  private static boolean isLimit(ExpressionTree tree) {
    Object value = ASTHelpers.constValue(tree);
    if (!(value instanceof Number number)) {
      return true;
    }
    double limit = number.doubleValue();
    return limit > 0 && limit < Integer.MAX_VALUE;
  }

  /** Whether {@code tree} computes the size a body declares for itself. */
  static boolean isDeclaredLength(
      ExpressionTree tree, SourceIndex index, VisitorState state, int depth) {
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitMethodInvocation(MethodInvocationTree call, Void unused) {
            Symbol symbol = ASTHelpers.getSymbol(call);
            if ((symbol != null && LENGTH_METHODS.contains(symbol.getSimpleName().toString()))
                || OTHER_LENGTHS.matches(call, state)) {
              return true;
            }
            return super.visitMethodInvocation(call, null);
          }

          @Override
          public Boolean visitLiteral(LiteralTree literal, Void unused) {
            return isContentLengthName(literal);
          }

          @Override
          public Boolean visitMemberSelect(MemberSelectTree select, Void unused) {
            return isContentLengthName(select) || super.visitMemberSelect(select, null);
          }

          @Override
          public Boolean visitIdentifier(IdentifierTree identifier, Void unused) {
            if (isContentLengthName(identifier)) {
              return true;
            }
            Symbol symbol = ASTHelpers.getSymbol(identifier);
            if (depth >= MAX_LOCAL_DEPTH
                || symbol == null
                || symbol.getKind() != ElementKind.LOCAL_VARIABLE) {
              return false;
            }
            return index.valuesOf(symbol).stream()
                .anyMatch(value -> isDeclaredLength(value, index, state, depth + 1));
          }

          @Override
          public Boolean visitClass(ClassTree tree, Void unused) {
            return false;
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(tree, null);
    return Boolean.TRUE.equals(found);
  }

  private static boolean isContentLengthName(ExpressionTree tree) {
    String name = ASTHelpers.constValue(tree, String.class);
    return name != null && name.equalsIgnoreCase("Content-Length");
  }
}
