package io.oomguard.checker.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
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
import io.oomguard.checker.streams.ContentLengthGuards;
import io.oomguard.checker.streams.WholeBodyReads;
import io.oomguard.checker.streams.WholeBodyReads.WholeRead;
import java.util.Optional;

/**
 * Reports a whole HTTP request or response body read into memory with no size limit.
 *
 * <p>The shape hides behind one-liners in every HTTP stack: {@code readAllBytes()} or {@code
 * IOUtils.toString} on a connection's or a servlet request's stream, OkHttp {@code string()},
 * {@code EntityUtils.toString}, {@code BodyHandlers.ofString()}, {@code RestTemplate} asked for a
 * {@code String}, {@code DataBufferUtils.join}, and the project's own helpers that read a stream
 * whole. Where the body comes from and what bounds it is decided in {@link
 * io.oomguard.checker.streams}; this check reports what is left. There is no suggested fix: a cap
 * changes behaviour for large bodies, and which behaviour (reject, stream, raise the limit) is the
 * author's call.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "UnboundedHttpBodyRead",
    summary = "A whole HTTP body is read into memory with no size limit",
    severity = WARNING,
    linkType = CUSTOM,
    link = Checks.DOCS_BASE + "UnboundedHttpBodyRead.md",
    suppressionAnnotations = {SuppressWarnings.class, OomSafe.class})
public final class UnboundedHttpBodyRead extends OomGuardCheck
    implements MethodInvocationTreeMatcher, NewClassTreeMatcher {
  private static final long serialVersionUID = 1L;

  /** Creates the check; it has no configuration. */
  public UnboundedHttpBodyRead() {}

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return Guard.match(this, tree, state, UnboundedHttpBodyRead::describeRead);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return Guard.match(this, tree, state, UnboundedHttpBodyRead::describeRead);
  }

  private Description describeRead(ExpressionTree tree, VisitorState state) {
    Optional<WholeRead> read = WholeBodyReads.unboundedRead(tree, state);
    if (read.isEmpty()) {
      return Description.NO_MATCH;
    }
    if (ContentLengthGuards.guardsBefore(state.getPath(), state)) {
      return Description.NO_MATCH;
    }
    return buildDescription(tree).setMessage(message(read.get())).build();
  }

  private static String message(WholeRead read) {
    String call = read.call();
    return Character.toUpperCase(call.charAt(0))
        + call.substring(1)
        + " reads "
        + read.subject()
        + " into memory with no size limit, so one large body can exhaust the heap. "
        + read.advice();
  }
}
