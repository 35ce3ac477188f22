package io.oomguard.checker.fixes;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.fixes.AppliedFix;
import com.google.errorprone.fixes.Fix;
import com.google.errorprone.fixes.Replacement;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.tree.EndPosTable;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The end-position table a {@link Fix} needs to become text edits, whichever Error Prone runs.
 * Error Prone up to 2.42 takes javac's {@link EndPosTable}; later releases take their own {@code
 * ErrorProneEndPosTable}, made with {@code ErrorProneEndPosTable.create(unit)}. Neither signature
 * compiles against the other release, and a checker compiled against one would fail with {@link
 * NoSuchMethodError} under the other, so the two calls oomguard makes are looked up once, at run
 * time.
 */
final class EndPositions {
  private static final Method GET_REPLACEMENTS = method(Fix.class, "getReplacements", 1);
  private static final Method APPLY = method(AppliedFix.class, "apply", 3);
  private static final boolean JAVAC_TABLE =
      GET_REPLACEMENTS.getParameterTypes()[0] == EndPosTable.class;

  private EndPositions() {}

  /** The edits of {@code fix} in {@code unit}. */
  @SuppressWarnings("unchecked") // Fix.getReplacements returns ImmutableSet<Replacement>
  static ImmutableSet<Replacement> replacements(Fix fix, JCCompilationUnit unit) {
    return (ImmutableSet<Replacement>) invoke(GET_REPLACEMENTS, fix, table(unit));
  }

  /**
   * Applies {@code fix} to {@code source}, as Error Prone does when it words a diagnostic: throws
   * for overlapping edits and for positions outside the file.
   */
  static void apply(CharSequence source, JCCompilationUnit unit, Fix fix) {
    invoke(APPLY, null, source, table(unit), fix);
  }

  private static Object table(JCCompilationUnit unit) {
    if (JAVAC_TABLE) {
      return unit.endPositions;
    }
    Class<?> type = GET_REPLACEMENTS.getParameterTypes()[0];
    return invoke(method(type, "create", CompilationUnitTree.class), null, unit);
  }

  private static Method method(Class<?> owner, String name, int parameters) {
    for (Method method : owner.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == parameters) {
        return method;
      }
    }
    throw new LinkageError(owner.getName() + " has no " + name + " taking " + parameters);
  }

  private static Method method(Class<?> owner, String name, Class<?> parameter) {
    try {
      return owner.getMethod(name, parameter);
    } catch (NoSuchMethodException e) {
      throw new LinkageError(owner.getName() + " has no " + name + "(" + parameter + ")", e);
    }
  }

  private static Object invoke(Method method, Object receiver, Object... arguments) {
    try {
      return method.invoke(receiver, arguments);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new LinkageError("cannot call " + method, e);
    }
  }
}
