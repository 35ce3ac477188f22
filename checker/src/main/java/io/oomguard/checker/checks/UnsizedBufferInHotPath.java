package io.oomguard.checker.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.oomguard.annotations.OomSafe;
import io.oomguard.checker.Checks;
import io.oomguard.checker.Guard;
import io.oomguard.checker.OomGuardCheck;
import io.oomguard.checker.collections.BufferFills;
import io.oomguard.checker.collections.LocalVariables;
import io.oomguard.checker.collections.Rebuilds;
import io.oomguard.checker.config.OomGuardFlags;
import io.oomguard.checker.hotpath.HotContext;
import io.oomguard.checker.hotpath.HotPaths;
import java.util.Optional;
import javax.inject.Inject;

/**
 * Flags a growable buffer or collection created without a capacity in hot code and then filled by
 * an amount that is not small and constant: in a loop, by a serializer, or with data whose size is
 * known. Each doubling copies the whole buffer and leaves the old array as garbage; per request or
 * per item, that churn adds up to gigabytes.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "UnsizedBufferInHotPath",
    summary =
        "Unsized buffer filled by a large or unknown amount in code that runs per request or per item",
    severity = WARNING,
    linkType = CUSTOM,
    link = Checks.DOCS_BASE + "UnsizedBufferInHotPath.md",
    suppressionAnnotations = {SuppressWarnings.class, OomSafe.class})
public final class UnsizedBufferInHotPath extends OomGuardCheck implements NewClassTreeMatcher {
  private static final long serialVersionUID = 1L;

  private static boolean isBuffer(Symbol type) {
    return DEFAULT_CAPACITY.containsKey(type.getQualifiedName().toString());
  }

  /** The growable types and what they start with when no capacity is given. */
  private static final ImmutableMap<String, String> DEFAULT_CAPACITY =
      ImmutableMap.<String, String>builder()
          .put("java.io.ByteArrayOutputStream", "32 bytes")
          .put("java.lang.StringBuilder", "16 chars")
          .put("java.lang.StringBuffer", "16 chars")
          .put("java.io.StringWriter", "16 chars")
          .put("java.io.CharArrayWriter", "32 chars")
          .put("java.util.ArrayList", "10 elements")
          .put("java.util.ArrayDeque", "16 elements")
          .put("java.util.HashMap", "16 buckets")
          .put("java.util.HashSet", "16 buckets")
          .put("java.util.LinkedHashMap", "16 buckets")
          .put("java.util.LinkedHashSet", "16 buckets")
          .buildOrThrow();

  /** Types whose capacity is the number of elements (hash-based ones need n / 0.75 instead). */
  private static final ImmutableSet<String> ELEMENT_CAPACITY =
      ImmutableSet.of("java.util.ArrayList", "java.util.ArrayDeque");

  /** Types whose capacity is in the units a known-size write adds (bytes, chars, elements). */
  private static final ImmutableSet<String> UNIT_CAPACITY =
      ImmutableSet.of(
          "java.io.ByteArrayOutputStream",
          "java.io.CharArrayWriter",
          "java.util.ArrayList",
          "java.util.ArrayDeque");

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
    if (!tree.getArguments().isEmpty() || tree.getClassBody() != null) {
      return Description.NO_MATCH;
    }
    Type type = ASTHelpers.getType(tree);
    if (type == null || !isBuffer(type.tsym)) {
      return Description.NO_MATCH;
    }
    String typeName = type.tsym.getQualifiedName().toString();
    Optional<VarSymbol> local = LocalVariables.assignedLocal(state.getPath());
    if (local.isEmpty()) {
      return Description
          .NO_MATCH; // fields are reused buffers; arguments and returns are not tracked
    }
    Optional<BufferFills.Fill> fill = BufferFills.of(state.getPath(), local.get(), state);
    if (fill.isEmpty()
        || Rebuilds.storedInField(state.getPath(), state)
        || Rebuilds.find(state.getPath(), state).isPresent()) {
      // A small constant fill; a buffer kept beyond the call; or PerRequestCollectionRebuild's
      // finding (the fix there is not to build it at all).
      return Description.NO_MATCH;
    }
    Optional<HotContext> hot = HotPaths.of(state.getPath(), state, flags);
    if (hot.isEmpty()) {
      return Description.NO_MATCH;
    }
    String created = "new " + tree.getIdentifier() + "()";
    Optional<String> capacity =
        fill.get()
            .capacity()
            .filter(
                unused ->
                    switch (fill.get().kind()) {
                      case LOOP -> ELEMENT_CAPACITY.contains(typeName);
                      case KNOWN_SIZE -> UNIT_CAPACITY.contains(typeName);
                      case SERIALIZER -> false;
                    });
    String advice =
        capacity
            .map(
                size ->
                    "Pass the size you already know as the capacity: `new "
                        + tree.getIdentifier()
                        + "("
                        + size
                        + ")`.")
            .orElse(
                "Give it a capacity from what you know (the item count times a typical item size),"
                    + " or reuse one buffer per thread instead of allocating one per call.");
    Description.Builder description =
        buildDescription(tree)
            .setMessage(
                String.format(
                    "`%s` starts at %s and doubles as it grows, copying itself and leaving the old"
                        + " array as garbage; here it is %s %s, so every call churns through about"
                        + " twice its final size in transient arrays (a serializer doing this per"
                        + " item allocated 1.1 GB at start-up and the pod was killed). %s",
                    created,
                    DEFAULT_CAPACITY.get(typeName),
                    fill.get().description(),
                    hot.get().describe(),
                    advice));
    capacity.ifPresent(
        size ->
            description.addFix(
                Guard.fix(
                    this,
                    tree,
                    state,
                    () ->
                        Optional.of(SuggestedFix.replace(tree, withCapacity(tree, size, state))))));
    return description.build();
  }

  private static String withCapacity(NewClassTree tree, String capacity, VisitorState state) {
    String source = state.getSourceForNode(tree);
    int open = source.lastIndexOf('(');
    return source.substring(0, open) + "(" + capacity + ")";
  }
}
