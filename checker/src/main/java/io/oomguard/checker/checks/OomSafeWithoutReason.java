package io.oomguard.checker.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.AnnotationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.tools.javac.code.Symbol;
import io.oomguard.annotations.OomSafe;
import io.oomguard.checker.Checks;
import io.oomguard.checker.Guard;
import io.oomguard.checker.OomGuardCheck;

/**
 * Reports an {@code @OomSafe} whose reason is blank.
 *
 * <p>{@code @OomSafe} turns every oomguard check off for a declaration; the reason is what lets a
 * reviewer, and the next maintainer, judge whether that is still true. This check is deliberately
 * not suppressed by {@code @OomSafe} itself (only by {@code @SuppressWarnings}).
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "OomSafeWithoutReason",
    summary = "@OomSafe needs a non-blank reason saying why the code cannot grow without bound",
    severity = ERROR,
    linkType = CUSTOM,
    link = Checks.DOCS_BASE + "OomSafeWithoutReason.md")
public final class OomSafeWithoutReason extends OomGuardCheck implements AnnotationTreeMatcher {
  private static final long serialVersionUID = 1L;

  /** Whether an annotation type is {@code @OomSafe}, per type and compilation. */
  private static boolean isOomSafe(Symbol type) {
    return type.getQualifiedName().contentEquals(OomSafe.class.getName());
  }

  /** Creates the check; it has no configuration. */
  public OomSafeWithoutReason() {}

  @Override
  public Description matchAnnotation(AnnotationTree tree, VisitorState state) {
    return Guard.match(this, tree, state, OomSafeWithoutReason::checkAnnotation);
  }

  private Description checkAnnotation(AnnotationTree tree, VisitorState state) {
    Symbol type = ASTHelpers.getSymbol(tree.getAnnotationType());
    if (type == null || !isOomSafe(type)) {
      return Description.NO_MATCH;
    }
    if (tree.getArguments().size() != 1) {
      return Description.NO_MATCH; // javac already rejects a missing value
    }
    ExpressionTree argument = tree.getArguments().get(0);
    if (argument instanceof AssignmentTree assignment) {
      argument = assignment.getExpression();
    }
    Object reason = ASTHelpers.constValue(argument);
    if (!(reason instanceof String text) || !text.isBlank()) {
      return Description.NO_MATCH;
    }
    return buildDescription(tree)
        .setMessage(
            "@OomSafe has a blank reason, so nobody can tell why oomguard was switched off here."
                + " Say why the code cannot grow without bound, e.g. @OomSafe(\"at most 12 regions,"
                + " loaded once at start-up\"), or remove the annotation.")
        .build();
  }
}
