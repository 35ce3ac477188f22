package io.oomguard.checker.caches;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes of a cache, and the key they use: operations on a long-lived {@code Map} field,
 * on Guava and Caffeine caches (and their {@code asMap()} views), and on Spring's {@code Cache}.
 */
public final class CacheAccesses {
  /**
   * A cache read or write: its key argument, how to name the cache, whether it adds an entry, and
   * the long-lived map field it is made on (null for Guava, Caffeine and Spring caches).
   */
  public record CacheAccess(
      ExpressionTree key, String cache, boolean write, @Nullable VarSymbol mapField) {}

  private static final ImmutableSet<String> MAP_WRITES =
      ImmutableSet.of("put", "putIfAbsent", "computeIfAbsent", "compute", "merge");
  private static final ImmutableSet<String> MAP_READS =
      ImmutableSet.of("get", "getOrDefault", "containsKey");

  private static final Matcher<ExpressionTree> MAP_ACCESS =
      instanceMethod()
          .onDescendantOf("java.util.Map")
          .namedAnyOf(ImmutableSet.<String>builder().addAll(MAP_WRITES).addAll(MAP_READS).build());

  private static final Matcher<ExpressionTree> CACHE_ACCESS =
      anyOf(
          instanceMethod()
              .onDescendantOf("com.google.common.cache.Cache")
              .namedAnyOf("get", "getIfPresent", "getUnchecked", "put"),
          instanceMethod()
              .onDescendantOfAny(
                  "com.github.benmanes.caffeine.cache.Cache",
                  "com.github.benmanes.caffeine.cache.AsyncCache")
              .namedAnyOf("get", "getIfPresent", "put"),
          instanceMethod()
              .onDescendantOf("org.springframework.cache.Cache")
              .namedAnyOf("get", "put", "putIfAbsent", "retrieve"));

  private static final Matcher<ExpressionTree> AS_MAP =
      instanceMethod()
          .onDescendantOfAny(
              "com.google.common.cache.Cache",
              "com.github.benmanes.caffeine.cache.Cache",
              "com.github.benmanes.caffeine.cache.AsyncCache")
          .named("asMap");

  private static final Matcher<ExpressionTree> REQUIRE_NON_NULL =
      staticMethod().onClass("java.util.Objects").named("requireNonNull");

  private CacheAccesses() {}

  /** The cache access {@code call} makes, if it is one. */
  public static Optional<CacheAccess> of(MethodInvocationTree call, VisitorState state) {
    if (call.getArguments().isEmpty()) {
      return Optional.empty();
    }
    ExpressionTree key = call.getArguments().get(0);
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (receiver == null) {
      return Optional.empty();
    }
    if (CACHE_ACCESS.matches(call, state)) {
      return Optional.of(new CacheAccess(key, describe(receiver, state), isWrite(call), null));
    }
    if (!MAP_ACCESS.matches(call, state)) {
      return Optional.empty();
    }
    ExpressionTree map = ASTHelpers.stripParentheses(receiver);
    if (map instanceof MethodInvocationTree asMap && AS_MAP.matches(asMap, state)) {
      return Optional.of(
          new CacheAccess(
              key, describe(ASTHelpers.getReceiver(asMap), state), isWrite(call), null));
    }
    Symbol field = ASTHelpers.getSymbol(map);
    if (field instanceof VarSymbol variable
        && Lifetimes.isLongLived(variable, state)
        && !isSorted(variable, state)) {
      return Optional.of(
          new CacheAccess(key, "`" + field.getSimpleName() + "`", isWrite(call), variable));
    }
    return Optional.empty();
  }

  /**
   * A sorted map keyed by time is a time series or sliding window (trimmed with {@code headMap},
   * {@code pollFirstEntry}), not a cache: its keys are meant to be unique.
   */
  private static boolean isSorted(VarSymbol field, VisitorState state) {
    Type sortedMap = state.getTypeFromString("java.util.SortedMap");
    return sortedMap != null
        && ASTHelpers.isSubtype(state.getTypes().erasure(field.type), sortedMap, state);
  }

  /** Whether the access adds an entry: a put, or a get that loads what is missing. */
  private static boolean isWrite(MethodInvocationTree call) {
    String name = ASTHelpers.getSymbol(call).getSimpleName().toString();
    return MAP_WRITES.contains(name)
        || name.equals("put")
        || (name.equals("get") && call.getArguments().size() == 2);
  }

  /** Whether {@code call} is any cache access, on any cache. */
  public static boolean isCacheAccess(MethodInvocationTree call, VisitorState state) {
    return CACHE_ACCESS.matches(call, state) || MAP_ACCESS.matches(call, state);
  }

  private static String describe(ExpressionTree cache, VisitorState state) {
    ExpressionTree receiver = ASTHelpers.stripParentheses(cache);
    if (REQUIRE_NON_NULL.matches(receiver, state)) {
      receiver = ((MethodInvocationTree) receiver).getArguments().get(0);
    }
    Symbol symbol = ASTHelpers.getSymbol(receiver);
    if (symbol instanceof VarSymbol) {
      return "`" + symbol.getSimpleName() + "`";
    }
    String source = state.getSourceForNode(receiver);
    if (source == null) {
      return "the cache";
    }
    source = source.replaceAll("\\s+", " ");
    return "`" + (source.length() > 60 ? source.substring(0, 57) + "..." : source) + "`";
  }
}
