package io.oomguard.checker;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.bugpatterns.BugChecker;
import io.oomguard.annotations.OomSafe;
import java.lang.annotation.Annotation;
import java.util.Set;

/**
 * The base of every oomguard check: a {@link BugChecker} whose {@code @OomSafe} suppression, listed
 * in its {@code @BugPattern} like any other, is applied by oomguard where the check has a finding
 * ({@link OomSafeSuppression}) rather than by Error Prone on every declaration of the compilation.
 */
public abstract class OomGuardCheck extends BugChecker {
  private static final long serialVersionUID = 1L;

  private final ImmutableSet<Class<? extends Annotation>> errorProneSuppressions;

  protected OomGuardCheck() {
    ImmutableSet.Builder<Class<? extends Annotation>> others = ImmutableSet.builder();
    for (Class<? extends Annotation> annotation : super.customSuppressionAnnotations()) {
      if (!annotation.equals(OomSafe.class)) {
        others.add(annotation);
      }
    }
    errorProneSuppressions = others.build();
  }

  /**
   * The custom suppression annotations Error Prone is to look for: those of the {@code BugPattern},
   * without {@code @OomSafe}, which {@link Guard#match} applies.
   */
  @Override
  public Set<Class<? extends Annotation>> customSuppressionAnnotations() {
    return errorProneSuppressions;
  }
}
