package io.oomguard.checker;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.fixes.Fix;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.Log;
import io.oomguard.checker.fixes.SuggestedEdits;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The checker never breaks a build: an exception or error a check did not expect (a code shape
 * nobody foresaw, Lombok's generated members, a library missing from the classpath) means "no
 * finding here" and one line in the build log, never a compiler crash; a fix that cannot be built
 * or applied costs the fix, never the finding. Every check's {@code matchX} runs through {@link
 * #match} (which also applies {@code @OomSafe}); fixes are built through {@link #fix}; helpers that
 * fall back to a conservative answer call {@link #recover}.
 *
 * <p>In oomguard's own tests and in the benchmark the system property {@value #STRICT_PROPERTY} is
 * {@code true} and the exception propagates, so that no bug hides behind the guard.
 */
public final class Guard {
  /** With this system property set to {@code true}, unexpected exceptions propagate. */
  public static final String STRICT_PROPERTY = "oomguard.strict";

  private Guard() {}

  /**
   * {@code matcher}'s description, or no match: when it throws (and then a log line), or when
   * {@code @OomSafe} suppresses the check there ({@link OomSafeSuppression}). A fix that cannot be
   * applied to the source is dropped from the description. The matcher is a method of the check
   * that takes it as its receiver ({@code UnboundedCache::checkVariable}), so that nothing is
   * allocated for the tens of thousands of trees a check turns away.
   */
  public static <C extends BugChecker, T extends Tree> Description match(
      C check, T tree, VisitorState state, TreeMatcher<C, T> matcher) {
    try {
      Description description = matcher.match(check, tree, state);
      if (description == Description.NO_MATCH || OomSafeSuppression.suppresses(check, state)) {
        return Description.NO_MATCH;
      }
      return withWorkingFixes(check, description, state);
    } catch (RuntimeException | Error e) {
      recover(e, check.canonicalName(), tree, state);
      return Description.NO_MATCH;
    }
  }

  /**
   * The fix {@code builder} makes, or none when it throws (and then a log line): Error Prone's fix
   * helpers assert things about the source that generated code (Lombok) does not always meet.
   */
  public static Optional<Fix> fix(
      BugChecker check, Tree tree, VisitorState state, Supplier<Optional<? extends Fix>> builder) {
    try {
      return builder.get().map(Fix.class::cast);
    } catch (RuntimeException | Error e) {
      recover(e, check.canonicalName() + "'s fix", tree, state);
      return Optional.empty();
    }
  }

  /**
   * Rethrows {@code e} in strict mode, and always when the JVM itself is failing (out of memory);
   * otherwise logs it, and the caller goes on with its conservative answer (no facts, no finding).
   */
  public static void recover(Throwable e, String what, Tree tree, VisitorState state) {
    if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
      throw (VirtualMachineError) e;
    }
    if (Boolean.getBoolean(STRICT_PROPERTY)) {
      if (e instanceof Error error) {
        throw error;
      }
      throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
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

  /** {@code description} without the fixes that cannot be applied to the source. */
  private static Description withWorkingFixes(
      BugChecker check, Description description, VisitorState state) {
    if (description.fixes.isEmpty()) {
      return description;
    }
    int position;
    try {
      position = DescriptionPositions.start(description);
    } catch (LinkageError e) {
      return description; // an Error Prone release this checker cannot read: fixes go unchecked
    }
    ImmutableList.Builder<Fix> working = ImmutableList.builder();
    boolean dropped = false;
    for (Fix fix : description.fixes) {
      try {
        SuggestedEdits.appliesCleanly(check.canonicalName(), position, fix, state);
        working.add(fix);
      } catch (RuntimeException | Error e) {
        recover(e, check.canonicalName() + "'s fix", state.getPath().getLeaf(), state);
        dropped = true;
      }
    }
    if (!dropped) {
      return description;
    }
    return DescriptionPositions.builder(check, description)
        .setMessage(description.getRawMessage())
        .addAllFixes(working.build())
        .build();
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
