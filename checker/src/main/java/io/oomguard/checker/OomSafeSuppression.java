package io.oomguard.checker;

import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Symbol;
import io.oomguard.annotations.OomSafe;
import java.util.Arrays;

/**
 * {@code @OomSafe("reason")}: a check whose {@code @BugPattern} lists it among its {@code
 * suppressionAnnotations} reports nothing inside a declaration (class, method, field, local
 * variable, parameter) that carries it, as Error Prone's own suppression would.
 *
 * <p>oomguard asks this itself, where a check has a finding ({@link Guard#match}), instead of
 * handing {@code @OomSafe} to Error Prone as a custom suppression annotation ({@link
 * OomGuardCheck}): Error Prone looks for custom suppression annotations on every class, method and
 * variable it enters, with a set copied and the annotations searched each time, which was a
 * measurable part of what the checks cost a build that has hardly any findings. {@code
 * -XepIgnoreSuppressionAnnotations} turns it off as it turns off {@code @SuppressWarnings}.
 */
public final class OomSafeSuppression {
  private static final String OOM_SAFE = OomSafe.class.getName();

  /** Whether a check's {@code @BugPattern} lists {@code @OomSafe}, read once per check class. */
  private static final ClassValue<Boolean> SUPPRESSIBLE =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> check) {
          BugPattern pattern = check.getAnnotation(BugPattern.class);
          return pattern != null
              && Arrays.asList(pattern.suppressionAnnotations()).contains(OomSafe.class);
        }
      };

  private OomSafeSuppression() {}

  /** Whether {@code check} is suppressed by {@code @OomSafe}, wherever the annotation is. */
  public static boolean appliesTo(BugChecker check) {
    return SUPPRESSIBLE.get(check.getClass());
  }

  /**
   * Whether {@code check}'s finding at {@code state}'s path is suppressed: the check takes
   * {@code @OomSafe}, suppression annotations are not ignored, and the tree at the path or a
   * declaration around it carries {@code @OomSafe}.
   */
  public static boolean suppresses(BugChecker check, VisitorState state) {
    if (!appliesTo(check) || state.errorProneOptions().isIgnoreSuppressionAnnotations()) {
      return false;
    }
    for (TreePath path = state.getPath(); path != null; path = path.getParentPath()) {
      // The declarations Error Prone reads suppressions from, found as it finds them.
      Symbol declared = ASTHelpers.getDeclaredSymbol(path.getLeaf());
      if (declared != null && isAnnotated(declared)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAnnotated(Symbol declared) {
    for (Attribute.Compound annotation : declared.getAnnotationMirrors()) {
      if (annotation.type.tsym.getQualifiedName().contentEquals(OOM_SAFE)) {
        return true;
      }
    }
    return false;
  }
}
