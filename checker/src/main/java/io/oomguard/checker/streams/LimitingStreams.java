package io.oomguard.checker.streams;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import io.oomguard.checker.PerCompilation;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * The project's own limiting streams: a stream or reader class of the module that counts what
 * passes through it in a field and compares that count with something (a maximum it throws or stops
 * at). Projects write these instead of using commons-io's {@code BoundedInputStream} (Keycloak's
 * {@code SafeInputStream}, Elasticsearch's limited streams); a body read through one is bounded,
 * whatever the class is called.
 */
final class LimitingStreams {
  private static final PerCompilation<Map<ClassSymbol, Boolean>> KNOWN =
      new PerCompilation<>(HashMap::new);

  private static final List<String> STREAMS = List.of("java.io.InputStream", "java.io.Reader");

  private LimitingStreams() {}

  /** Whether {@code type} is a stream or reader of this module that limits what it passes on. */
  static boolean isLimiting(ClassSymbol type, VisitorState state) {
    Map<ClassSymbol, Boolean> known = KNOWN.get(state);
    Boolean answer = known.get(type);
    if (answer == null) {
      answer =
          BodySources.isSubtypeOfAny(type.type, STREAMS, state) && countsAgainstALimit(type, state);
      known.put(type, answer);
    }
    return answer;
  }

  private static boolean countsAgainstALimit(ClassSymbol type, VisitorState state) {
    if (CompiledSources.unitOf(type, state) == null) {
      return false;
    }
    Tree declaration = JavacTrees.instance(state.context).getTree(type);
    if (!(declaration instanceof ClassTree body)) {
      return false;
    }
    Set<Symbol> counters = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        if (tree.getKind() == Tree.Kind.PLUS_ASSIGNMENT) {
          addField(tree.getVariable());
        }
        return super.visitCompoundAssignment(tree, null);
      }

      @Override
      public Void visitUnary(UnaryTree tree, Void unused) {
        if (tree.getKind() == Tree.Kind.PREFIX_INCREMENT
            || tree.getKind() == Tree.Kind.POSTFIX_INCREMENT) {
          addField(tree.getExpression());
        }
        return super.visitUnary(tree, null);
      }

      private void addField(ExpressionTree variable) {
        Symbol symbol = ASTHelpers.getSymbol(variable);
        if (symbol != null && symbol.getKind() == ElementKind.FIELD && symbol.type.isPrimitive()) {
          counters.add(symbol);
        }
      }
    }.scan(body, null);
    if (counters.isEmpty()) {
      return false;
    }
    Boolean compared =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitBinary(BinaryTree tree, Void unused) {
            boolean relational =
                switch (tree.getKind()) {
                  case LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN, GREATER_THAN_EQUAL -> true;
                  default -> false;
                };
            if (relational
                && ((isCounter(tree.getLeftOperand()) && isLimit(tree.getRightOperand()))
                    || (isCounter(tree.getRightOperand()) && isLimit(tree.getLeftOperand())))) {
              return true;
            }
            return super.visitBinary(tree, null);
          }

          private boolean isCounter(ExpressionTree operand) {
            return (operand instanceof IdentifierTree || operand instanceof MemberSelectTree)
                && counters.contains(ASTHelpers.getSymbol(operand));
          }

          /** Anything but a constant that only asks whether something was read at all. */
          private boolean isLimit(ExpressionTree operand) {
            if (!(operand instanceof LiteralTree literal)) {
              return true;
            }
            return literal.getValue() instanceof Number number && number.longValue() > 0;
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(body, null);
    return Boolean.TRUE.equals(compared);
  }
}
