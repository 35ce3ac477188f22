package io.oomguard.checker;

import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.Log;

/**
 * The checker never breaks a build: an exception a check did not expect (a code shape nobody
 * foresaw, a library missing from the classpath) means "no finding here" and one line in the build
 * log, never a compiler crash. Every check's {@code matchX} runs through {@link #match} (which also
 * applies {@code @OomSafe}); helpers that fall back to a conservative answer call {@link #recover}.
 *
 * <p>In oomguard's own tests and in the benchmark the system property {@value #STRICT_PROPERTY} is
 * {@code true} and the exception propagates, so that no bug hides behind the guard.
 */
public final class Guard {
  /** With this system property set to {@code true}, unexpected exceptions propagate. */
  public static final String STRICT_PROPERTY = "oomguard.strict";

  /**
   * With this system property set to {@code true}, every check reports nothing without looking at
   * the tree: what is left of its cost is Error Prone calling it and the JVM loading it. The
   * benchmark's way f ({@code bench/run.sh --ways b,c,f}) sets it, to tell that floor apart from
   * the checks' own work. Read once, when the checker is loaded.
   */
  public static final String DISPATCH_ONLY_PROPERTY = "oomguard.dispatchOnly";

  private static final boolean DISPATCH_ONLY = Boolean.getBoolean(DISPATCH_ONLY_PROPERTY);

  private Guard() {}

  /**
   * {@code matcher}'s description, or no match: when it throws (and then a log line), or when
   * {@code @OomSafe} suppresses the check there ({@link OomSafeSuppression}). The matcher is a
   * method of the check that takes it as its receiver ({@code UnboundedCache::checkVariable}), so
   * that nothing is allocated for the tens of thousands of trees a check turns away.
   */
  public static <C extends BugChecker, T extends Tree> Description match(
      C check, T tree, VisitorState state, TreeMatcher<C, T> matcher) {
    if (DISPATCH_ONLY) {
      return Description.NO_MATCH;
    }
    try {
      Description description = matcher.match(check, tree, state);
      return description == Description.NO_MATCH || !OomSafeSuppression.suppresses(check, state)
          ? description
          : Description.NO_MATCH;
    } catch (RuntimeException e) {
      recover(e, check.canonicalName(), tree, state);
      return Description.NO_MATCH;
    }
  }

  /**
   * Rethrows {@code e} in strict mode; otherwise logs it, and the caller goes on with its
   * conservative answer (no facts, no finding).
   */
  public static void recover(RuntimeException e, String what, Tree tree, VisitorState state) {
    if (Boolean.getBoolean(STRICT_PROPERTY)) {
      throw e;
    }
    try {
      Log.instance(state.context)
          .printRawLines(
              Log.WriterKind.WARNING,
              "oomguard: internal error in "
                  + what
                  + " at "
                  + where(tree, state)
                  + "; no finding there. Please report it with this line: "
                  + e);
    } catch (RuntimeException logFailed) {
      // Nothing more to do: the build goes on without this finding either way.
    }
  }

  /** One of a check's matching methods, with the check as its first argument. */
  @FunctionalInterface
  public interface TreeMatcher<C extends BugChecker, T extends Tree> {
    /** What {@code check} finds at {@code tree}. */
    Description match(C check, T tree, VisitorState state);
  }

  private static String where(Tree tree, VisitorState state) {
    CompilationUnitTree unit =
        state.getPath() == null ? null : state.getPath().getCompilationUnit();
    if (unit == null) {
      return "an unknown place";
    }
    String file = unit.getSourceFile().getName();
    if (!(tree instanceof JCTree node) || node.getStartPosition() < 0) {
      return file;
    }
    return file + ":" + unit.getLineMap().getLineNumber(node.getStartPosition());
  }
}
