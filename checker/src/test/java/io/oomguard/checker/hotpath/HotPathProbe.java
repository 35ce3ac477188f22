package io.oomguard.checker.hotpath;

import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import io.oomguard.checker.config.OomGuardFlags;
import java.util.Optional;
import javax.inject.Inject;

/**
 * A test-only check that reports the hot context of every call to a method named {@code probe}, so
 * that fixtures can state, line by line, what {@link HotPaths} must say.
 */
@BugPattern(
    summary = "Reports HotPaths' verdict at probe() calls",
    severity = BugPattern.SeverityLevel.WARNING)
public final class HotPathProbe extends BugChecker implements MethodInvocationTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final OomGuardFlags flags;

  public HotPathProbe() {
    this(ErrorProneFlags.empty());
  }

  @Inject
  HotPathProbe(ErrorProneFlags flags) {
    this.flags = OomGuardFlags.from(flags);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!(tree.getMethodSelect() instanceof IdentifierTree name)
        || !name.getName().contentEquals("probe")) {
      return Description.NO_MATCH;
    }
    Optional<HotContext> context = HotPaths.of(state.getPath(), state, flags);
    return context
        .map(hot -> buildDescription(tree).setMessage("hot " + hot.describe()).build())
        .orElse(Description.NO_MATCH);
  }
}
