package io.oomguard.checker.config;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.JCDiagnostic;
import com.sun.tools.javac.util.Log;

/**
 * Reports a bad flag as a compiler error, once per compilation. Apart from {@link OomGuardFlags}
 * because it uses javac's internals, which the Maven plugin's own JVM cannot reach when it reads
 * the same flags to validate its parameters.
 */
final class FlagErrors {
  /** Whether a compilation has had its flag error reported (once, not once per check and tree). */
  private static final Context.Key<Boolean> REPORTED = new Context.Key<>();

  private FlagErrors() {}

  static void reportOnce(String message, VisitorState state) {
    if (state.context.get(REPORTED) == null) {
      state.context.put(REPORTED, true);
      Log.instance(state.context)
          .error(new JCDiagnostic.Error("compiler", "proc.messager", message));
    }
  }
}
