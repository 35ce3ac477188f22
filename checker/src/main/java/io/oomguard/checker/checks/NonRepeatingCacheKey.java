package io.oomguard.checker.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.ERROR;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.AnnotationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import io.oomguard.annotations.OomSafe;
import io.oomguard.checker.Checks;
import io.oomguard.checker.Guard;
import io.oomguard.checker.OomGuardCheck;
import io.oomguard.checker.caches.CacheAccesses;
import io.oomguard.checker.caches.CacheAccesses.CacheAccess;
import io.oomguard.checker.caches.FieldGrowth;
import io.oomguard.checker.caches.Identifiers;
import io.oomguard.checker.caches.NonRepeatingValues;
import io.oomguard.checker.caches.NonRepeatingValues.Kind;
import io.oomguard.checker.caches.NonRepeatingValues.Source;
import io.oomguard.checker.caches.ReadOnlyMaps;
import io.oomguard.checker.caches.SpelKeys;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;

/**
 * Reports cache reads and writes whose key contains a value that never repeats — the time, a random
 * number or UUID, a counter, a fresh identity-compared object — so the cache never hits and every
 * write adds an entry nobody reads again. Covers long-lived {@code Map} fields, Guava and Caffeine
 * caches, Spring's {@code Cache}, and {@code @Cacheable}/{@code @CachePut} SpEL keys.
 *
 * <p>A lookup in a map that only initialization fills (a lookup table) is reported too, since it
 * never finds anything, but its message does not claim growth.
 *
 * <p>A key handed back to the caller (returned, stored, passed on) is an identifier the entry can
 * be looked up and removed with, not a cache key, and is not reported.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "NonRepeatingCacheKey",
    summary =
        "A cache key built from a value that never repeats: the cache never hits and only grows",
    severity = ERROR,
    linkType = CUSTOM,
    link = Checks.DOCS_BASE + "NonRepeatingCacheKey.md",
    suppressionAnnotations = {SuppressWarnings.class, OomSafe.class})
public final class NonRepeatingCacheKey extends OomGuardCheck
    implements MethodInvocationTreeMatcher, AnnotationTreeMatcher {
  private static final long serialVersionUID = 1L;

  /**
   * Whether an annotation type is one of the Spring cache annotations, per type and compilation.
   */
  private static boolean isCacheAnnotation(Symbol type) {
    return SPRING_CACHE_ANNOTATIONS.contains(type.getQualifiedName().toString());
  }

  private static final ImmutableSet<String> SPRING_CACHE_ANNOTATIONS =
      ImmutableSet.of(
          "org.springframework.cache.annotation.Cacheable",
          "org.springframework.cache.annotation.CachePut");

  /** Creates the check; it has no configuration. */
  public NonRepeatingCacheKey() {}

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return Guard.match(this, tree, state, NonRepeatingCacheKey::checkMethodInvocation);
  }

  private Description checkMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    Optional<CacheAccess> access = CacheAccesses.of(tree, state);
    if (access.isEmpty()) {
      return Description.NO_MATCH;
    }
    Optional<Source> source = NonRepeatingValues.in(access.get().key(), state);
    if (source.isEmpty() || Identifiers.isHandedBack(source.get(), state)) {
      return Description.NO_MATCH; // an identifier the caller can find the entry with
    }
    if (isRegistryOfLiveObjects(access.get(), source.get(), state)) {
      return Description.NO_MATCH;
    }
    if (reportedElsewhere(tree, access.get(), state)) {
      return Description.NO_MATCH; // one finding per key variable: at its first write, else read
    }
    boolean readOnly =
        ReadOnlyMaps.isLookupInReadOnlyField(tree, FieldGrowth.ofEnclosingClass(state), state);
    return buildDescription(tree).setMessage(message(access.get(), source.get(), readOnly)).build();
  }

  @Override
  public Description matchAnnotation(AnnotationTree tree, VisitorState state) {
    return Guard.match(this, tree, state, NonRepeatingCacheKey::checkAnnotation);
  }

  private Description checkAnnotation(AnnotationTree tree, VisitorState state) {
    Symbol type = ASTHelpers.getSymbol(tree.getAnnotationType());
    if (type == null || !isCacheAnnotation(type)) {
      return Description.NO_MATCH;
    }
    Optional<String> part =
        attribute(tree, "key")
            .map(ASTHelpers::constValue)
            .filter(String.class::isInstance)
            .flatMap(key -> SpelKeys.nonRepeatingPart((String) key));
    if (part.isEmpty()) {
      return Description.NO_MATCH;
    }
    String cache =
        attribute(tree, "cacheNames")
            .or(() -> attribute(tree, "value"))
            .map(state::getSourceForNode)
            .orElse("this cache");
    return buildDescription(tree)
        .setMessage(
            "@"
                + type.getSimpleName()
                + " key for "
                + cache
                + " includes `"
                + part.get()
                + "`, a value that never repeats: every call misses, runs the method again and"
                + " stores one more entry that is never read, so the cache only grows. Key it by"
                + " the method's arguments (the default), or bucket the time (e.g."
                + " `T(System).currentTimeMillis() / 60000`) and let the cache provider expire"
                + " entries (Caffeine with maximumSize and expireAfterWrite).")
        .build();
  }

  private static String message(CacheAccess access, Source source, boolean readOnly) {
    String via =
        source.locals().isEmpty()
            ? ""
            : source.locals().stream()
                .map(local -> "`" + local.getSimpleName() + "`")
                .collect(Collectors.joining(" <- ", " (through ", ")"));
    return "key of cache "
        + access.cache()
        + " includes "
        + source.description()
        + via
        + (readOnly
            ? ", which never repeats: every lookup misses. The map is only filled at"
                + " initialization, so it does not grow, but nothing put there is ever found. "
            : ", which never repeats: every lookup misses and every write adds an entry nobody"
                + " will read again, so the cache only grows (or, if bounded, only churns). ")
        + advice(source.kind());
  }

  private static String advice(Kind kind) {
    return switch (kind) {
      case TIME ->
          "Key it by the stable identity of what is cached; if freshness matters, bucket the time"
              + " (e.g. `millis / 60_000`, `truncatedTo(MINUTES)`) or let the cache expire entries"
              + " (Caffeine with maximumSize and expireAfterWrite).";
      case IDENTITY ->
          "Use a key with value equals/hashCode (a String, a List, a record without array"
              + " components), built from the inputs that decide the cached value.";
      case RANDOM, COUNTER ->
          "Key it by the inputs that decide the cached value. If the value is meant as an id,"
              + " hand it back to the caller so the entry can be looked up and removed, and bound"
              + " the map (Caffeine with maximumSize and expireAfterWrite).";
    };
  }

  /**
   * Whether the access registers objects its callers made, in a map that also removes them: a
   * registry of live objects (an MBean, a connection), each entry looked up and removed with the
   * object it was registered under, not a cache that never hits.
   */
  private static boolean isRegistryOfLiveObjects(
      CacheAccess access, Source source, VisitorState state) {
    return source.kind() == Kind.IDENTITY
        && source.passedIn()
        && access.mapField() != null
        && FieldGrowth.ofEnclosingClass(state).factsFor(access.mapField()).shrunk();
  }

  /**
   * Whether another access in the same method, with the same key variable, is where the finding
   * goes: the first one that adds an entry, or, when none does, the first one.
   */
  private static boolean reportedElsewhere(
      MethodInvocationTree tree, CacheAccess access, VisitorState state) {
    ExpressionTree key = ASTHelpers.stripParentheses(access.key());
    Symbol variable = ASTHelpers.getSymbol(key);
    MethodTree method = ASTHelpers.findEnclosingMethod(state);
    if (!(key instanceof IdentifierTree)
        || variable == null
        || (variable.getKind() != ElementKind.LOCAL_VARIABLE
            && variable.getKind() != ElementKind.PARAMETER)
        || method == null) {
      return false;
    }
    int position = ASTHelpers.getStartPosition(tree);
    boolean[] elsewhere = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        if (node != tree) {
          Optional<CacheAccess> other = CacheAccesses.of(node, state);
          if (other.isPresent()
              && variable.equals(ASTHelpers.getSymbol(other.get().key()))
              && precedes(other.get(), ASTHelpers.getStartPosition(node), access, position)) {
            elsewhere[0] = true;
          }
        }
        return super.visitMethodInvocation(node, unused);
      }
    }.scan(method, null);
    return elsewhere[0];
  }

  /** Writes come before reads; among equals, the earlier one. */
  private static boolean precedes(
      CacheAccess other, int otherPosition, CacheAccess access, int position) {
    if (other.write() != access.write()) {
      return other.write();
    }
    return otherPosition < position;
  }

  private static Optional<ExpressionTree> attribute(AnnotationTree annotation, String name) {
    for (ExpressionTree argument : annotation.getArguments()) {
      if (!(argument instanceof AssignmentTree) && name.equals("value")) {
        return Optional.of(argument); // @Cacheable("users")
      }
      if (argument instanceof AssignmentTree assignment
          && assignment.getVariable() instanceof IdentifierTree identifier
          && identifier.getName().contentEquals(name)) {
        return Optional.of(assignment.getExpression());
      }
    }
    return Optional.empty();
  }
}
