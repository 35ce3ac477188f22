package io.oomguard.checker.caches;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Guava {@code CacheBuilder} and Caffeine {@code Caffeine} chains: whether a {@code build()} call
 * builds a cache with no size, weight, expiry or reference bound.
 */
public final class CacheBuilders {
  /** A builder chain that bounds nothing, rooted at its {@code newBuilder()} call. */
  public record Unbounded(MethodInvocationTree newBuilder, String library) {}

  private static final String GUAVA = "com.google.common.cache.CacheBuilder";
  private static final String CAFFEINE = "com.github.benmanes.caffeine.cache.Caffeine";

  /** Builder calls that bound the cache: by size, by weight, by time, or by reachability. */
  public static final ImmutableSet<String> BOUNDS =
      ImmutableSet.of(
          "maximumSize",
          "maximumWeight",
          "expireAfterWrite",
          "expireAfterAccess",
          "expireAfter",
          "weakKeys",
          "weakValues",
          "softValues");

  private static final Matcher<ExpressionTree> BUILD =
      instanceMethod().onExactClassAny(GUAVA, CAFFEINE).namedAnyOf("build", "buildAsync");

  private static final Matcher<ExpressionTree> NEW_BUILDER =
      staticMethod().onClassAny(GUAVA, CAFFEINE).named("newBuilder");

  /** Methods of the built caches whose first argument is a key. */
  private static final Matcher<ExpressionTree> KEYED_ACCESS =
      instanceMethod()
          .onDescendantOfAny(
              "com.google.common.cache.Cache",
              "com.github.benmanes.caffeine.cache.Cache",
              "com.github.benmanes.caffeine.cache.AsyncCache")
          .namedAnyOf("get", "getIfPresent", "getUnchecked", "put", "refresh");

  private static final ImmutableSet<String> CACHE_TYPES =
      ImmutableSet.of(
          "com.google.common.cache.Cache",
          "com.github.benmanes.caffeine.cache.Cache",
          "com.github.benmanes.caffeine.cache.AsyncCache");

  private CacheBuilders() {}

  /**
   * Whether the cache that {@code build} (at {@code state}'s path) builds can only hold keys the
   * code fixes: its key type is a closed domain ({@link KeyDomains#isClosedType}: {@code Class}, an
   * enum, ...), or it is kept in a field of the class and every key it is read or written with is
   * closed ({@link KeyDomains#isClosed}: constants, configuration, names from code).
   */
  public static boolean hasClosedKeys(MethodInvocationTree build, VisitorState state) {
    if (KeyDomains.isClosedType(keyType(ASTHelpers.getType(build), state), state)) {
      return true;
    }
    Symbol field = storedIn(state.getPath());
    if (field == null || field.getKind() != ElementKind.FIELD) {
      return false;
    }
    if (KeyDomains.isClosedType(keyType(field.type, state), state)) {
      return true;
    }
    TreePath topLevel = state.getPath();
    for (TreePath p = state.getPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree) {
        topLevel = p;
      }
    }
    List<TreePath> keys = new ArrayList<>();
    boolean[] otherUse = {false};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        ExpressionTree receiver = ASTHelpers.getReceiver(node);
        if (receiver != null
            && field.equals(ASTHelpers.getSymbol(ASTHelpers.stripParentheses(receiver)))) {
          if (KEYED_ACCESS.matches(node, state) && !node.getArguments().isEmpty()) {
            keys.add(new TreePath(getCurrentPath(), node.getArguments().get(0)));
          } else if (!ASTHelpers.getSymbol(node).getSimpleName().toString().startsWith("invalidate")
              && !ASTHelpers.getSymbol(node).getSimpleName().contentEquals("stats")) {
            otherUse[0] = true; // asMap(), getAll(...), put through a view: not followed
          }
        }
        return super.visitMethodInvocation(node, unused);
      }
    }.scan(topLevel, null);
    if (otherUse[0] || keys.isEmpty()) {
      return false;
    }
    for (TreePath key : keys) {
      if (!KeyDomains.isClosed(key, state)) {
        return false;
      }
    }
    return true;
  }

  /** The key type of a Guava or Caffeine cache type, or null. */
  private static @Nullable Type keyType(@Nullable Type type, VisitorState state) {
    if (type == null) {
      return null;
    }
    for (String name : CACHE_TYPES) {
      Type cache = state.getTypeFromString(name);
      if (cache == null) {
        continue;
      }
      Type asSuper = state.getTypes().asSuper(type, cache.tsym);
      if (asSuper != null && !asSuper.getTypeArguments().isEmpty()) {
        return asSuper.getTypeArguments().get(0);
      }
    }
    return null;
  }

  /** The field or variable the value at {@code path} is stored in, through a builder chain. */
  private static @Nullable Symbol storedIn(TreePath path) {
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; child = p.getLeaf(), p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof VariableTree variable && variable.getInitializer() == child) {
        return ASTHelpers.getSymbol(variable);
      }
      if (leaf instanceof AssignmentTree assignment && assignment.getExpression() == child) {
        return ASTHelpers.getSymbol(assignment.getVariable());
      }
      if (!(leaf instanceof ParenthesizedTree || leaf instanceof TypeCastTree)) {
        return null;
      }
    }
    return null;
  }

  /** Whether {@code tree} is a Guava or Caffeine {@code build()}/{@code buildAsync()} call. */
  public static boolean isBuild(ExpressionTree tree, VisitorState state) {
    return BUILD.matches(tree, state);
  }

  /**
   * The unbounded chain that {@code build} (a {@link #isBuild build call} at {@code state}'s path)
   * finishes, or empty when the chain sets a bound, starts from a spec ({@code from(...)}), or
   * comes from code this check cannot see.
   */
  public static Optional<Unbounded> unbounded(MethodInvocationTree build, VisitorState state) {
    return unboundedRoot(ASTHelpers.getReceiver(build), state, state.getPath(), 0);
  }

  private static Optional<Unbounded> unboundedRoot(
      @Nullable ExpressionTree tree, VisitorState state, TreePath where, int depth) {
    ExpressionTree current = tree == null ? null : ASTHelpers.stripParentheses(tree);
    while (current instanceof MethodInvocationTree call) {
      MethodSymbol method = ASTHelpers.getSymbol(call);
      String owner = method.owner.getQualifiedName().toString();
      if (!owner.equals(GUAVA) && !owner.equals(CAFFEINE)) {
        return Optional.empty();
      }
      String name = method.getSimpleName().toString();
      if (BOUNDS.contains(name) || name.equals("from")) {
        return Optional.empty();
      }
      if (NEW_BUILDER.matches(call, state)) {
        return Optional.of(
            new Unbounded(call, owner.equals(GUAVA) ? "Guava CacheBuilder" : "Caffeine"));
      }
      current = ASTHelpers.getReceiver(call);
    }
    if (current instanceof IdentifierTree identifier && depth == 0) {
      Symbol local = ASTHelpers.getSymbol(identifier);
      if (local != null && local.getKind() == ElementKind.LOCAL_VARIABLE) {
        return unboundedLocal(local, state, where);
      }
    }
    return Optional.empty();
  }

  /**
   * A builder kept in a local: unbounded when its initializer is, no call in the method bounds it,
   * and it is not handed to other code.
   */
  private static Optional<Unbounded> unboundedLocal(
      Symbol local, VisitorState state, TreePath where) {
    TreePath methodPath = where;
    while (methodPath != null && !(methodPath.getLeaf() instanceof MethodTree)) {
      methodPath = methodPath.getParentPath();
    }
    if (methodPath == null) {
      return Optional.empty();
    }
    LocalBuilderScanner scanner = new LocalBuilderScanner(local);
    scanner.scan(methodPath, null);
    if (scanner.boundedOrEscaping || scanner.initializer == null) {
      return Optional.empty();
    }
    return unboundedRoot(scanner.initializer, state, scanner.initializerPath, 1);
  }

  private static final class LocalBuilderScanner extends TreePathScanner<Void, Void> {
    private final Symbol local;
    @Nullable ExpressionTree initializer;
    @Nullable TreePath initializerPath;
    boolean boundedOrEscaping;

    LocalBuilderScanner(Symbol local) {
      this.local = local;
    }

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
      if (local.equals(ASTHelpers.getSymbol(node))) {
        initializer = node.getInitializer();
        initializerPath = getCurrentPath();
      }
      return super.visitVariable(node, unused);
    }

    @Override
    public Void visitAssignment(AssignmentTree node, Void unused) {
      if (local.equals(ASTHelpers.getSymbol(node.getVariable()))
          && !rootedAtLocal(node.getExpression())) {
        boundedOrEscaping = true; // replaced by a builder from elsewhere
      }
      return super.visitAssignment(node, unused);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
      if (rootedAtLocal(ASTHelpers.getReceiver(node))
          && BOUNDS.contains(ASTHelpers.getSymbol(node).getSimpleName().toString())) {
        boundedOrEscaping = true;
      }
      for (ExpressionTree argument : node.getArguments()) {
        if (local.equals(ASTHelpers.getSymbol(argument))) {
          boundedOrEscaping = true; // configured by a helper
        }
      }
      return super.visitMethodInvocation(node, unused);
    }

    private boolean rootedAtLocal(@Nullable ExpressionTree tree) {
      ExpressionTree current = tree;
      while (current instanceof MethodInvocationTree call) {
        current = ASTHelpers.getReceiver(call);
      }
      return current != null && local.equals(ASTHelpers.getSymbol(current));
    }
  }
}
