package io.oomguard.checker.checks;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;
import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.constructor;

import com.google.auto.service.AutoService;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.BugPattern;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.NewClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.google.errorprone.util.FindIdentifiers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.oomguard.annotations.OomSafe;
import io.oomguard.checker.Checks;
import io.oomguard.checker.Guard;
import io.oomguard.checker.OomGuardCheck;
import io.oomguard.checker.caches.CacheBuilders;
import io.oomguard.checker.caches.CollectionValues;
import io.oomguard.checker.caches.CollectionValues.Kind;
import io.oomguard.checker.caches.FieldGrowth;
import io.oomguard.checker.caches.FieldGrowth.FieldFacts;
import io.oomguard.checker.caches.FieldGrowth.GrowthSite;
import io.oomguard.checker.caches.InitialValues;
import io.oomguard.checker.caches.Lifetimes;
import io.oomguard.checker.config.OomGuardFlags;
import io.oomguard.checker.fixes.Constants;
import io.oomguard.checker.hotpath.HotContext;
import io.oomguard.checker.hotpath.HotPaths;
import java.util.Optional;
import javax.inject.Inject;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;

/**
 * Reports in-process caches that only grow: long-lived map or collection fields that are added to
 * at run time and never shrunk or size-checked, access-ordered {@code LinkedHashMap}s that never
 * evict, Guava/Caffeine builders with no bound, and Spring's unbounded {@code ConcurrentMapCache}
 * beans.
 *
 * <p>A field's finding is reported at its declaration, where {@code @SuppressWarnings} or
 * {@code @OomSafe} belong, and names the growth site; the facts come from {@link FieldGrowth},
 * computed once per class.
 */
@AutoService(BugChecker.class)
@BugPattern(
    name = "UnboundedCache",
    summary = "A long-lived cache or collection that only grows: no eviction, expiry or size bound",
    severity = WARNING,
    linkType = CUSTOM,
    link = Checks.DOCS_BASE + "UnboundedCache.md",
    suppressionAnnotations = {SuppressWarnings.class, OomSafe.class})
public final class UnboundedCache extends OomGuardCheck
    implements VariableTreeMatcher, MethodInvocationTreeMatcher, NewClassTreeMatcher {
  private static final long serialVersionUID = 1L;

  /** The placeholder the builder fix introduces; users must review its value. */
  static final String MAX_ENTRIES = "MAX_CACHE_ENTRIES";

  private static final String BOUNDED_ALTERNATIVES =
      " Bound it (a Caffeine cache with maximumSize, a LinkedHashMap whose removeEldestEntry caps"
          + " the size) or remove entries when they are no longer needed.";

  /** Asked about every {@code new} of a compilation: the filter turns away other classes. */
  private static final Matcher<ExpressionTree> SPRING_CONCURRENT_MAP_CACHES =
      anyOf(
          constructor().forClass("org.springframework.cache.concurrent.ConcurrentMapCacheManager"),
          constructor()
              .forClass("org.springframework.cache.concurrent.ConcurrentMapCacheFactoryBean"),
          constructor()
              .forClass("org.springframework.cache.concurrent.ConcurrentMapCache")
              .withParameters("java.lang.String"),
          constructor()
              .forClass("org.springframework.cache.concurrent.ConcurrentMapCache")
              .withParameters("java.lang.String", "boolean"));

  private final OomGuardFlags flags;

  /** Creates the check with default flags. */
  public UnboundedCache() {
    this(ErrorProneFlags.empty());
  }

  /** Creates the check with the compilation's {@code -XepOpt:OomGuard:*} flags. */
  @Inject
  UnboundedCache(ErrorProneFlags flags) {
    this.flags = OomGuardFlags.read(flags);
  }

  @Override
  public Description matchVariable(VariableTree tree, VisitorState state) {
    return Guard.match(this, tree, state, UnboundedCache::checkVariable);
  }

  private Description checkVariable(VariableTree tree, VisitorState state) {
    if (flags.reportIfInvalid(state)) {
      return Description.NO_MATCH; // a bad -XepOpt:OomGuard flag, reported as a compiler error
    }
    VarSymbol field = ASTHelpers.getSymbol(tree);
    if (field == null || field.getKind() != ElementKind.FIELD) {
      return Description.NO_MATCH;
    }
    if (CollectionValues.heldCollectionType(field.type, state) == null
        || CollectionValues.hasClosedKeyDomain(field.type, state)) {
      return Description.NO_MATCH;
    }
    if (initialValuesRuleOut(field, state)) {
      return Description.NO_MATCH; // decided without scanning the whole class for its uses
    }
    if (!Lifetimes.isLongLived(field, state) && !FieldGrowth.createsLruWithoutEviction(state)) {
      return Description.NO_MATCH; // only an LRU map is reported on a short-lived field: none here
    }
    FieldFacts facts = FieldGrowth.ofEnclosingClass(state).factsFor(field);
    ImmutableSet<Kind> kinds =
        facts.values().stream()
            .filter(value -> value.getKind() != Tree.Kind.NULL_LITERAL)
            .map(value -> CollectionValues.classify(value, state))
            .collect(ImmutableSet.toImmutableSet());
    if (facts.isBounded() || kinds.isEmpty() || kinds.contains(Kind.OTHER)) {
      return Description.NO_MATCH; // evicted, size-checked, or not a collection we created
    }
    if (kinds.contains(Kind.LRU_WITHOUT_EVICTION)) {
      return describeMatch(tree, lruMessage(field));
    }
    if (!Lifetimes.isLongLived(field, state) || facts.runtimeGrowth().isEmpty()) {
      return Description.NO_MATCH;
    }
    return describeMatch(tree, growthMessage(field, facts.runtimeGrowth(), state));
  }

  /**
   * Whether the values the field is given at initialization rule out a finding, so that the class
   * need not be scanned for every use of it: a value that is not a fresh collection ({@link
   * Kind#OTHER}) is never reported, and a final field has no other values, so unless one is an LRU
   * map it is only reported when it is long-lived.
   */
  private static boolean initialValuesRuleOut(VarSymbol field, VisitorState state) {
    ImmutableSet<Kind> kinds =
        InitialValues.of(state.getPath(), state).stream()
            .filter(value -> value.getKind() != Tree.Kind.NULL_LITERAL)
            .map(value -> CollectionValues.classify(value, state))
            .collect(ImmutableSet.toImmutableSet());
    if (kinds.contains(Kind.OTHER)) {
      return true;
    }
    return field.getModifiers().contains(Modifier.FINAL)
        && !kinds.contains(Kind.LRU_WITHOUT_EVICTION)
        && !Lifetimes.isLongLived(field, state);
  }

  @Override
  public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    return Guard.match(this, tree, state, UnboundedCache::checkMethodInvocation);
  }

  private Description checkMethodInvocation(MethodInvocationTree tree, VisitorState state) {
    if (!CacheBuilders.isBuild(tree, state)) {
      return Description.NO_MATCH;
    }
    Optional<CacheBuilders.Unbounded> unbounded = CacheBuilders.unbounded(tree, state);
    if (unbounded.isEmpty() || CacheBuilders.hasClosedKeys(tree, state)) {
      return Description.NO_MATCH; // bounded, or it can hold no more keys than the code names
    }
    return buildDescription(unbounded.get().newBuilder())
        .setMessage(
            unbounded.get().library()
                + " cache built with no maximumSize, maximumWeight, expireAfterWrite,"
                + " expireAfterAccess, expireAfter or weak/soft references: it keeps every entry"
                + " it is given for as long as the cache lives, and an in-process cache without"
                + " eviction grows until the heap is exhausted. Set a size bound you have measured"
                + " (entries x entry size must fit the heap) and, where stale entries are useless,"
                + " expireAfterWrite. The fix adds .maximumSize("
                + MAX_ENTRIES
                + ") with a placeholder value to review.")
        .addFix(
            Guard.fix(
                this,
                tree,
                state,
                () -> Optional.of(maximumSizeFix(unbounded.get().newBuilder(), state))))
        .build();
  }

  @Override
  public Description matchNewClass(NewClassTree tree, VisitorState state) {
    return Guard.match(this, tree, state, UnboundedCache::checkNewClass);
  }

  private Description checkNewClass(NewClassTree tree, VisitorState state) {
    if (!SPRING_CONCURRENT_MAP_CACHES.matches(tree, state) || tree.getClassBody() != null) {
      return Description.NO_MATCH;
    }
    MethodTree method = ASTHelpers.findEnclosingMethod(state);
    if (method == null
        || !ASTHelpers.hasAnnotation(
            method, "org.springframework.context.annotation.Bean", state)) {
      return Description.NO_MATCH;
    }
    String type = ASTHelpers.getSymbol(tree).owner.getSimpleName().toString();
    return describeMatch(
        tree,
        "Spring `"
            + type
            + "` declared as a bean in `"
            + method.getName()
            + "`: its caches are plain ConcurrentHashMaps with no size limit and no expiry, so"
            + " every distinct key a @Cacheable method sees stays in memory until the heap is"
            + " exhausted. Use CaffeineCacheManager with a bounded spec (e.g."
            + " \"maximumSize=10000,expireAfterWrite=10m\") or another bounded cache provider.");
  }

  private Description describeMatch(Tree tree, String message) {
    return buildDescription(tree).setMessage(message).build();
  }

  private String growthMessage(
      VarSymbol field, ImmutableList<GrowthSite> growth, VisitorState state) {
    // The growth that runs per request or per item, when the hot-path model knows one.
    GrowthSite site = growth.get(0);
    Optional<HotContext> hot = Optional.empty();
    for (GrowthSite candidate : growth) {
      hot = HotPaths.of(candidate.path(), state, flags);
      if (hot.isPresent()) {
        site = candidate;
        break;
      }
    }
    String held =
        CollectionValues.isThreadLocal(field.type, state)
            ? "the collection each thread keeps in " + Lifetimes.describe(field, state)
            : Lifetimes.describe(field, state);
    return held
        + " only grows: `"
        + site.operation()
        + "` in "
        + site.location()
        + " (line "
        + site.line()
        + ") adds to it at run time"
        + (hot.isPresent() ? ", " + where(hot.get(), site) : "")
        + ", and nothing removes its entries or bounds its size, so every distinct key stays on"
        + " the heap for the life of the application."
        + BOUNDED_ALTERNATIVES;
  }

  /** The hot context, without repeating the method the growth site already names. */
  private static String where(HotContext context, GrowthSite site) {
    String described = context.describe();
    String repeated = "in " + site.location() + ", ";
    return described.startsWith(repeated) ? described.substring(repeated.length()) : described;
  }

  private static String lruMessage(VarSymbol field) {
    return "field `"
        + field.getSimpleName()
        + "` is an access-ordered LinkedHashMap (an LRU cache by intent), but nothing overrides"
        + " removeEldestEntry and nothing else removes entries, so it never evicts and grows"
        + " with every new key. Override removeEldestEntry to return size() > a measured"
        + " maximum, or use a Caffeine cache with maximumSize.";
  }

  /** Adds {@code .maximumSize(MAX_CACHE_ENTRIES)} and the constant for the user to review. */
  private static SuggestedFix maximumSizeFix(MethodInvocationTree newBuilder, VisitorState state) {
    SuggestedFix.Builder fix = SuggestedFix.builder();
    String maximum =
        FindIdentifiers.findIdent(MAX_ENTRIES, state) != null
            ? MAX_ENTRIES
            : Constants.add(
                state.getPath(),
                state,
                fix,
                "long",
                MAX_ENTRIES,
                "10_000",
                "the most entries this cache may hold (measure entry size against the heap).");
    return fix.postfixWith(newBuilder, ".maximumSize(" + maximum + ")").build();
  }
}
