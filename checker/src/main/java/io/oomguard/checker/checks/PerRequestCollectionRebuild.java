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
import com.sun.tools.javac.tree.EndPosTable;
import com.sun.tools.javac.tree.JCTree;
import com.sun.tools.javac.util.JCDiagnostic.DiagnosticPosition;
import io.oomguard.annotations.OomSafe;
import io.oomguard.checker.Checks;
import io.oomguard.checker.Guard;
import io.oomguard.checker.OomGuardCheck;
import io.oomguard.checker.collections.Rebuilds;
import io.oomguard.checker.config.OomGuardFlags;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Flags a map, set or list rebuilt in hot code from data that is the same on every call: constants,
 * fields only set-up code writes, configuration, and what methods return from those ({@link
 * io.oomguard.checker.collections.RequestIndependentData}). The work and the allocation repeat on
 * every call for the same result; at high request rates the copies alone fill the heap.
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
    Optional<Rebuilds.Rebuild> rebuild = Rebuilds.find(state.getPath(), state, flags);
    if (rebuild.isEmpty()) {
      return Description.NO_MATCH;
    }
    String source = shortened(state.getSourceForNode(rebuild.get().source()));
    return buildDescription(startOf((JCTree) tree))
        .setMessage(
            String.format(
                "This collection is %s `%s` %s, yet that data is the same on every call: each call"
                    + " allocates and fills a full copy, which at high rates fills the heap with"
                    + " garbage. Build it once (in the constructor, @PostConstruct or a lazily"
                    + " initialized field) and rebuild it only when `%s` changes.",
                rebuild.get().how(), source, rebuild.get().hot().describe(), source))
        .build();
  }

  /**
   * Where a finding goes: the line where the rebuilt expression starts, also when a stream chain
   * runs over several lines and javac would point at its last call.
   */
  private static DiagnosticPosition startOf(JCTree tree) {
    int start = tree.getStartPosition();
    return new DiagnosticPosition() {
      @Override
      public JCTree getTree() {
        return tree;
      }

      @Override
      public int getStartPosition() {
        return start;
      }

      @Override
      public int getPreferredPosition() {
        return start;
      }

      @Override
      public int getEndPosition(EndPosTable endPositions) {
        return tree.getEndPosition(endPositions);
      }
    };
  }

  /** A source expression as a message quotes it: long calls as {@code name(...)}. */
  private static String shortened(String source) {
    String flat = source.replaceAll("\\s+", " ");
    int open = flat.indexOf('(');
    return flat.length() <= 60 || open < 0 ? flat : flat.substring(0, open) + "(...)";
  }
}
