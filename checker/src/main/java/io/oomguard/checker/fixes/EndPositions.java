package io.oomguard.checker.fixes;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.fixes.AppliedFix;
import com.google.errorprone.fixes.Fix;
import com.google.errorprone.fixes.Replacement;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.tools.javac.tree.EndPosTable;
import com.sun.tools.javac.tree.JCTree.JCCompilationUnit;
import io.oomguard.checker.Linkage;
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
  private static final Method GET_REPLACEMENTS = Linkage.method(Fix.class, "getReplacements", 1);
  private static final Method APPLY = Linkage.method(AppliedFix.class, "apply", 3);
  private static final boolean JAVAC_TABLE =
      GET_REPLACEMENTS.getParameterTypes()[0] == EndPosTable.class;

  private EndPositions() {}

  /** The edits of {@code fix} in {@code unit}. */
  @SuppressWarnings("unchecked") // Fix.getReplacements returns ImmutableSet<Replacement>
  static ImmutableSet<Replacement> replacements(Fix fix, JCCompilationUnit unit) {
    return (ImmutableSet<Replacement>) Linkage.invoke(GET_REPLACEMENTS, fix, table(unit));
  }

  /**
   * Applies {@code fix} to {@code source}, as Error Prone does when it words a diagnostic: throws
   * for overlapping edits and for positions outside the file.
   */
  static void apply(CharSequence source, JCCompilationUnit unit, Fix fix) {
    Linkage.invoke(APPLY, null, source, table(unit), fix);
  }

  private static Object table(JCCompilationUnit unit) {
    if (JAVAC_TABLE) {
      return unit.endPositions;
    }
    Class<?> type = GET_REPLACEMENTS.getParameterTypes()[0];
    return Linkage.invoke(Linkage.method(type, "create", CompilationUnitTree.class), null, unit);
  }
}
