package io.oomguard.checker.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import io.oomguard.annotations.OomSafe;
import io.oomguard.checker.Checks;
import io.oomguard.checker.Guard;
import io.oomguard.checker.OomGuardCheck;
import io.oomguard.checker.collections.LongLivedData;
import io.oomguard.checker.collections.Rebuilds;
import io.oomguard.checker.config.OomGuardFlags;
import io.oomguard.checker.hotpath.HotContext;
import io.oomguard.checker.hotpath.HotPaths;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Flags a map, set or list rebuilt in hot code from data that does not depend on the request:
 * fields, constants, configuration held in fields. The work and the allocation repeat on every call
 * for the same result; at high request rates the copies alone fill the heap.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "PerRequestCollectionRebuild",
    summary = "Collection rebuilt per request or per item from data that does not depend on it",
    severity = WARNING,
    linkType = CUSTOM,
    link = Checks.DOCS_BASE + "PerRequestCollectionRebuild.md",
    suppressionAnnotations = {SuppressWarnings.class, OomSafe.class})
public final class PerRequestCollectionRebuild extends OomGuardCheck
    implements NewClassTreeMatcher, MethodInvocationTreeMatcher {
  private static final long serialVersionUID = 1L;

  private final OomGuardFlags flags;

  /** Creates the check with default flags. */
  public PerRequestCollectionRebuild() {
    this(ErrorProneFlags.empty());
  }

  /** Creates the check with the compilation's {@code -XepOpt:OomGuard:*} flags. */
  @Inject
  PerRequestCollectionRebuild(ErrorProneFlags flags) {
    this.flags = OomGuardFlags.read(flags);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return Guard.match(this, tree, state, PerRequestCollectionRebuild::match);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return Guard.match(this, tree, state, PerRequestCollectionRebuild::match);
  }

  private Description match(ExpressionTree tree, VisitorState state) {
    if (flags.reportIfInvalid(state)) {
      return Description.NO_MATCH; // a bad -XepOpt:OomGuard flag, reported as a compiler error
    }
    Optional<Rebuilds.Rebuild> rebuild = Rebuilds.find(state.getPath(), state);
    if (rebuild.isEmpty()) {
      return Description.NO_MATCH;
    }
    Optional<HotContext> hot = HotPaths.of(state.getPath(), state, flags);
    if (hot.isEmpty()) {
      return Description.NO_MATCH;
    }
    if (!hot.get().onSameInstance()
        && !LongLivedData.readsOnlyStaticState(rebuild.get().source())) {
      return Description.NO_MATCH; // reached per item on other objects: their fields differ
    }
    String source = state.getSourceForNode(rebuild.get().source());
    return buildDescription(tree)
        .setMessage(
            String.format(
                "This collection is %s `%s` %s, but that data does not depend on the request: every"
                    + " call repeats the same work and allocates a full copy (a handler rebuilding"
                    + " a 230,000-entry map from configuration per call filled an 8 GB heap within"
                    + " seconds). Build it once and reuse it: a field set in the constructor or"
                    + " @PostConstruct, or a lazily initialized holder; rebuild it only when `%s`"
                    + " changes.",
                rebuild.get().how(), source, hot.get().describe(), source))
        .build();
  }
}
