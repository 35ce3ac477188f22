package io.oomguard.checker.caches;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import javax.lang.model.element.ElementKind;

/**
 * Lookups in a map field that only initialization fills: a lookup table built once (in a static
 * initializer, a constructor, a start-up callback) and then only read. A bad key there makes every
 * lookup miss, but the map does not grow.
 */
public final class ReadOnlyMaps {
  /** Map calls that only look up; nothing else about the call is needed to know that. */
  private static final ImmutableSet<String> LOOKUPS =
      ImmutableSet.of("get", "getOrDefault", "containsKey");

  private ReadOnlyMaps() {}

  /**
   * Whether {@code call} is a lookup in a {@code Map} field that nothing in its top-level class
   * grows after initialization, reassigns at run time, or hands out (so no other class can write it
   * either).
   */
  public static boolean isLookupInReadOnlyField(
      MethodInvocationTree call, FieldGrowth facts, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (method == null
        || receiver == null
        || !LOOKUPS.contains(method.getSimpleName().toString())
        || !ASTHelpers.isSubtype(
            method.owner.type, state.getTypeFromString("java.util.Map"), state)) {
      return false;
    }
    Symbol field = ASTHelpers.getSymbol(ASTHelpers.stripParentheses(receiver));
    if (!(field instanceof VarSymbol variable) || field.getKind() != ElementKind.FIELD) {
      return false;
    }
    FieldGrowth.FieldFacts fieldFacts = facts.factsFor(variable);
    return !fieldFacts.writtenAfterInitialization()
        && !fieldFacts.reassignedAtRuntime()
        && !fieldFacts.escapes();
  }
}
