package io.oomguard.checker.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.constructor;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.matchers.Matcher;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.NewClassTree;
import io.oomguard.annotations.OomSafe;
import io.oomguard.checker.Checks;
import io.oomguard.checker.Guard;
import io.oomguard.checker.OomGuardCheck;
import io.oomguard.checker.config.OomGuardFlags;
import io.oomguard.checker.hotpath.HotContext;
import io.oomguard.checker.hotpath.HotPaths;
import io.oomguard.checker.streams.BodyOrigin;
import io.oomguard.checker.streams.BufferFills;
import io.oomguard.checker.streams.BufferFills.Fill;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Flags a byte or character buffer created in hot code and filled with data whose volume the code
 * does not bound: a stream copied in, every line of a reader or file, every row of a query, a
 * serializer's output, or an archive of entries. Per request or per item, the buffer holds all of
 * it at once and doubles as it grows; whatever is largest decides the heap it needs.
 *
 * <p>What a buffer collects from memory (a loop over a list, a few values joined) is not flagged:
 * it adds at most about as much as is already held. A network body copied into a buffer is {@link
 * UnboundedHttpBodyRead}'s finding, not this one's. There is no suggested fix: a capacity does not
 * bound the volume; streaming the data to where it goes does.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "UnsizedBufferInHotPath",
    summary = "A buffer in code that runs per request or per item holds data of unbounded volume",
    severity = WARNING,
    linkType = CUSTOM,
    link = Checks.DOCS_BASE + "UnsizedBufferInHotPath.md",
    suppressionAnnotations = {SuppressWarnings.class, OomSafe.class})
public final class UnsizedBufferInHotPath extends OomGuardCheck implements NewClassTreeMatcher {
  private static final long serialVersionUID = 1L;

  private static final Matcher<ExpressionTree> UNSIZED_BUFFER =
      anyOf(
          constructor().forClass("java.io.ByteArrayOutputStream").withNoParameters(),
          constructor().forClass("java.lang.StringBuilder").withNoParameters(),
          constructor().forClass("java.lang.StringBuffer").withNoParameters(),
          constructor().forClass("java.io.StringWriter").withNoParameters(),
          constructor().forClass("java.io.CharArrayWriter").withNoParameters());

  private final OomGuardFlags flags;

  /** Creates the check with default flags. */
  public UnsizedBufferInHotPath() {
    this(ErrorProneFlags.empty());
  }

  /** Creates the check with the compilation's {@code -XepOpt:OomGuard:*} flags. */
  @Inject
  UnsizedBufferInHotPath(ErrorProneFlags flags) {
    this.flags = OomGuardFlags.read(flags);
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return Guard.match(this, tree, state, UnsizedBufferInHotPath::checkNewClass);
  }

  private Description checkNewClass(NewClassTree tree, VisitorState state) {
    if (flags.reportIfInvalid(state)) {
      return Description.NO_MATCH; // a bad -XepOpt:OomGuard flag, reported as a compiler error
    }
    if (tree.getClassBody() != null || !UNSIZED_BUFFER.matches(tree, state)) {
      return Description.NO_MATCH;
    }
    Optional<Fill> fill = BufferFills.of(state.getPath(), state);
    if (fill.isEmpty() || fill.get().origin().kind() == BodyOrigin.Kind.NETWORK) {
      // Nothing unbounded goes in; or an HTTP body does, which is UnboundedHttpBodyRead's finding.
      return Description.NO_MATCH;
    }
    Optional<HotContext> hot = HotPaths.of(state.getPath(), state, flags);
    if (hot.isEmpty()) {
      return Description.NO_MATCH;
    }
    return buildDescription(tree).setMessage(message(tree, fill.get(), hot.get())).build();
  }

  private static String message(NewClassTree tree, Fill fill, HotContext hot) {
    String buffer = "`new " + tree.getIdentifier() + "()`";
    return switch (fill.kind()) {
      case STREAM_COPY, READ_LOOP ->
          String.format(
              "%s holds everything %s copies into it, %s; nothing bounds how much that is. Stream"
                  + " it to its destination instead, or cap the copy.",
              buffer, fill.kind() == BufferFills.Kind.READ_LOOP ? "a read loop" : fill.by(), hot);
      case LINES ->
          String.format(
              "%s collects every line of a reader or file%s, %s; nothing bounds how many there"
                  + " are. Process the lines as they come, or write them to their destination"
                  + " instead.",
              buffer, fill.by().isEmpty() ? "" : " (through " + fill.by() + ")", hot);
      case ROWS ->
          String.format(
              "%s collects every row of a query result, %s; it grows with the table. Stream the"
                  + " rows to their destination, or page the query.",
              buffer, hot);
      case SERIALIZER ->
          String.format(
              "%s holds the whole output of `%s`, %s; one fresh buffer per item, doubling as it"
                  + " grows, churns through about twice the output each time. Write to the"
                  + " destination stream instead.",
              buffer, fill.by(), hot);
      case GENERATOR ->
          String.format(
              "%s holds everything written through `%s`, %s; it grows with all the data fed to"
                  + " it. Create the generator over the destination stream instead.",
              buffer, fill.by(), hot);
      case ARCHIVE ->
          String.format(
              "%s holds a whole `%s` whose entries are added in a loop, %s; it grows with every"
                  + " entry. Write the archive to its destination (the response, a temporary file)"
                  + " instead.",
              buffer, fill.by(), hot);
    };
  }
}
