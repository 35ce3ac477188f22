package io.oomguard.checker.collections;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Recognizes a collection built, on the current call, entirely from long-lived data: populated in a
 * loop over a field, collected from a stream over one, or copied from one. Shared by {@code
 * PerRequestCollectionRebuild}, which reports these, and {@code UnsizedBufferInHotPath}, which
 * leaves them to it.
 */
public final class Rebuilds {
  /** A rebuild: the long-lived data it is built from, and how. */
  public record Rebuild(ExpressionTree source, String how) {}

  private static final Matcher<ExpressionTree> TO_COLLECTION =
      staticMethod()
          .onClass("java.util.stream.Collectors")
          .namedAnyOf(
              "toMap",
              "toConcurrentMap",
              "toUnmodifiableMap",
              "toSet",
              "toUnmodifiableSet",
              "toList",
              "toUnmodifiableList",
              "toCollection",
              "groupingBy",
              "groupingByConcurrent",
              "partitioningBy");

  private static final Matcher<ExpressionTree> STREAM_COLLECT =
      instanceMethod().onDescendantOf("java.util.stream.Stream").named("collect");

  private static final Matcher<ExpressionTree> STREAM_TO_LIST =
      instanceMethod().onDescendantOf("java.util.stream.Stream").named("toList");

  private static final Matcher<ExpressionTree> STREAM_OPEN =
      instanceMethod()
          .onDescendantOf("java.util.Collection")
          .namedAnyOf("stream", "parallelStream");

  private static final Matcher<ExpressionTree> ARRAY_STREAM =
      anyOf(
          staticMethod().onClass("java.util.Arrays").named("stream"),
          staticMethod().onClass("java.util.stream.Stream").named("of"));

  private static final Matcher<ExpressionTree> COPY_FACTORY =
      anyOf(
          staticMethod()
              .onClassAny("java.util.List", "java.util.Set", "java.util.Map")
              .named("copyOf"),
          staticMethod()
              .onClassAny(
                  "com.google.common.collect.ImmutableList",
                  "com.google.common.collect.ImmutableSet",
                  "com.google.common.collect.ImmutableMap",
                  "com.google.common.collect.ImmutableSortedSet",
                  "com.google.common.collect.ImmutableSortedMap",
                  "com.google.common.collect.ImmutableMultimap",
                  "com.google.common.collect.ImmutableListMultimap",
                  "com.google.common.collect.ImmutableSetMultimap")
              .named("copyOf"),
          staticMethod().onClass("com.google.common.collect.Maps").named("uniqueIndex"),
          staticMethod().onClass("com.google.common.collect.Multimaps").named("index"),
          staticMethod()
              .onClass("com.google.common.collect.Sets")
              .namedAnyOf("newHashSet", "newLinkedHashSet", "newTreeSet"),
          staticMethod()
              .onClass("com.google.common.collect.Lists")
              .namedAnyOf("newArrayList", "newLinkedList"),
          staticMethod()
              .onClass("com.google.common.collect.Maps")
              .namedAnyOf("newHashMap", "newLinkedHashMap", "newTreeMap"));

  private static final Matcher<ExpressionTree> ITERATION_ONLY =
      anyOf(
          instanceMethod().onDescendantOf("java.lang.Iterable").namedAnyOf("forEach", "iterator"),
          instanceMethod().onDescendantOf("java.util.Collection").namedAnyOf("stream", "toArray"));

  private Rebuilds() {}

  /**
   * The rebuild at {@code path} (a collection creation, a stream {@code collect}, or a copy),
   * unless it runs at start-up or its result is cached in a field. Whether the code is hot is for
   * the caller to ask.
   */
  public static Optional<Rebuild> find(TreePath path, VisitorState state) {
    Optional<Rebuild> rebuild;
    if (path.getLeaf() instanceof NewClassTree newClass) {
      if (!isCollection(ASTHelpers.getType(newClass), state)) {
        return Optional.empty();
      }
      rebuild = copy(path, state).or(() -> populatingLoop(path, state));
    } else if (path.getLeaf() instanceof MethodInvocationTree invocation) {
      rebuild = collectedStream(path, state).or(() -> copy(path, state));
    } else {
      return Optional.empty();
    }
    if (rebuild.isEmpty()
        || io.oomguard.checker.hotpath.HotPaths.inStartUpCode(path, state)
        || storedInField(path, state)
        || derivedStoredInField(path, state)) {
      return Optional.empty();
    }
    return rebuild;
  }

  /** Whether the type is a {@code java.util.Map} or {@code java.util.Collection}. */
  public static boolean isCollection(Type type, VisitorState state) {
    if (type == null) {
      return false;
    }
    return ASTHelpers.isSubtype(type, MAP.get(state), state)
        || ASTHelpers.isSubtype(type, COLLECTION.get(state), state);
  }

  private static final Supplier<Type> MAP = Suppliers.typeFromString("java.util.Map");
  private static final Supplier<Type> COLLECTION = Suppliers.typeFromString("java.util.Collection");

  /**
   * A collection created empty at {@code creation}, held in a local, and filled in a loop over
   * long-lived data that reads nothing from the request.
   */
  static Optional<Rebuild> populatingLoop(TreePath creation, VisitorState state) {
    Optional<VarSymbol> local = LocalVariables.assignedLocal(creation);
    if (local.isEmpty()) {
      return Optional.empty();
    }
    List<LocalVariables.Use> uses = LocalVariables.usesAfter(creation, local.get(), state);
    if (uses.stream().anyMatch(use -> storesIntoField(use.path()))) {
      return Optional.empty();
    }
    LongLivedData data = LongLivedData.around(creation, state);
    for (LocalVariables.Use use : uses) {
      if (!use.perIteration() || !isPopulatingCall(use.path())) {
        continue;
      }
      Optional<TreePath> loop = enclosingLoop(use.path(), creation, state);
      if (loop.isEmpty()) {
        continue;
      }
      ExpressionTree source = loopSource(loop.get().getLeaf());
      if (source != null
          && data.isLongLived(source)
          && !data.isSmallConstant(source)
          && !data.usesRequestData(loop.get(), Set.of(local.get()))) {
        return Optional.of(new Rebuild(source, "filled in a loop over"));
      }
    }
    return Optional.empty();
  }

  /** {@code source.stream()...collect(toMap(...))} or {@code .toList()} over long-lived data. */
  static Optional<Rebuild> collectedStream(TreePath call, VisitorState state) {
    if (!(call.getLeaf() instanceof MethodInvocationTree invocation)) {
      return Optional.empty();
    }
    boolean collects =
        (STREAM_COLLECT.matches(invocation, state)
                && invocation.getArguments().size() == 1
                && TO_COLLECTION.matches(invocation.getArguments().get(0), state))
            || (STREAM_TO_LIST.matches(invocation, state) && invocation.getArguments().isEmpty());
    if (!collects) {
      return Optional.empty();
    }
    ExpressionTree source = streamSource(invocation, state);
    LongLivedData data = LongLivedData.around(call, state);
    if (source == null
        || !data.isLongLived(source)
        || data.isSmallConstant(source)
        || data.usesRequestData(call, Set.of())) {
      return Optional.empty();
    }
    return Optional.of(new Rebuild(source, "collected from"));
  }

  /**
   * A copy of long-lived data: a copy constructor, {@code Set.copyOf}, {@code ImmutableMap.copyOf},
   * Guava's {@code Maps.uniqueIndex}; not a snapshot that is only iterated.
   */
  static Optional<Rebuild> copy(TreePath path, VisitorState state) {
    Tree leaf = path.getLeaf();
    ExpressionTree source;
    if (leaf instanceof NewClassTree newClass) {
      if (newClass.getArguments().size() != 1
          || newClass.getClassBody() != null
          || !isCollection(ASTHelpers.getType(newClass.getArguments().get(0)), state)) {
        return Optional.empty();
      }
      source = newClass.getArguments().get(0);
    } else if (leaf instanceof MethodInvocationTree invocation
        && COPY_FACTORY.matches(invocation, state)
        && !invocation.getArguments().isEmpty()) {
      source = invocation.getArguments().get(0);
      Type sourceType = ASTHelpers.getType(source);
      if (!isCollection(sourceType, state) && !(sourceType instanceof Type.ArrayType)) {
        return Optional.empty();
      }
    } else {
      return Optional.empty();
    }
    LongLivedData data = LongLivedData.around(path, state);
    if (!data.isLongLived(source)
        || data.isSmallConstant(source)
        || data.usesRequestData(path, Set.of())
        || isOnlyIterated(path, state)) {
      return Optional.empty();
    }
    return Optional.of(new Rebuild(source, "copied from"));
  }

  /**
   * Whether the value at {@code path} ends up in a field: a lazy initializer caching it, or a
   * buffer kept for reuse.
   */
  public static boolean storedInField(TreePath path, VisitorState state) {
    if (storesIntoField(path)) {
      return true;
    }
    Optional<VarSymbol> local = LocalVariables.assignedLocal(path);
    return local.isPresent()
        && LocalVariables.usesAfter(path, local.get(), state).stream()
            .anyMatch(use -> storesIntoField(use.path()));
  }

  /**
   * Whether a value derived from the collection at {@code path} is stored in a field: a method
   * refreshing derived state ({@code int[] sizes = new int[set.size()]; ... this.sizes = sizes;}),
   * which rebuilds because its input changed. (Not for buffers: bytes taken from a buffer and kept
   * do not make the buffer itself reused.)
   */
  private static boolean derivedStoredInField(TreePath path, VisitorState state) {
    Optional<VarSymbol> local = LocalVariables.assignedLocal(path);
    if (local.isEmpty()) {
      return false;
    }
    for (LocalVariables.Use use : LocalVariables.usesAfter(path, local.get(), state)) {
      Optional<VarSymbol> derived = derivedLocal(use.path());
      if (derived.isPresent()
          && LocalVariables.usesAfter(path, derived.get(), state).stream()
              .anyMatch(derivedUse -> storesIntoField(derivedUse.path()))) {
        return true;
      }
    }
    return false;
  }

  /** The local variable whose initializer contains {@code use}, if any. */
  private static Optional<VarSymbol> derivedLocal(TreePath use) {
    for (TreePath current = use;
        current.getParentPath() != null;
        current = current.getParentPath()) {
      Tree parent = current.getParentPath().getLeaf();
      if (parent instanceof com.sun.source.tree.VariableTree variable) {
        VarSymbol symbol = ASTHelpers.getSymbol(variable);
        return variable.getInitializer() == current.getLeaf()
                && symbol != null
                && LocalVariables.isLocal(symbol)
            ? Optional.of(symbol)
            : Optional.empty();
      }
      if (parent instanceof com.sun.source.tree.StatementTree
          || parent instanceof LambdaExpressionTree) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean storesIntoField(TreePath path) {
    TreePath current = path;
    while (current.getParentPath() != null
        && current.getParentPath().getLeaf() instanceof com.sun.source.tree.ParenthesizedTree) {
      current = current.getParentPath();
    }
    Tree parent = current.getParentPath() == null ? null : current.getParentPath().getLeaf();
    if (parent instanceof AssignmentTree assignment
        && assignment.getExpression() == current.getLeaf()) {
      Symbol target = ASTHelpers.getSymbol(assignment.getVariable());
      return target != null && target.getKind() == ElementKind.FIELD;
    }
    return false;
  }

  /**
   * A snapshot for safe iteration ({@code for (L l : new ArrayList<>(listeners))}) is no rebuild.
   */
  private static boolean isOnlyIterated(TreePath path, VisitorState state) {
    if (isIterated(path, state)) {
      return true;
    }
    Optional<VarSymbol> local = LocalVariables.assignedLocal(path);
    if (local.isEmpty()) {
      return false;
    }
    List<LocalVariables.Use> uses = LocalVariables.usesAfter(path, local.get(), state);
    return !uses.isEmpty() && uses.stream().allMatch(use -> isIterated(use.path(), state));
  }

  private static boolean isIterated(TreePath path, VisitorState state) {
    Tree parent = path.getParentPath().getLeaf();
    if (parent instanceof EnhancedForLoopTree loop) {
      return loop.getExpression() == path.getLeaf();
    }
    if (parent instanceof MemberSelectTree select
        && path.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call) {
      return select.getExpression() == path.getLeaf() && ITERATION_ONLY.matches(call, state);
    }
    return false;
  }

  private static boolean isPopulatingCall(TreePath use) {
    Tree parent = use.getParentPath().getLeaf();
    return parent instanceof MemberSelectTree select
        && select.getExpression() == use.getLeaf()
        && use.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree
        && CollectionMethods.GROWING.contains(select.getIdentifier().toString());
  }

  /**
   * The innermost loop or per-element call around {@code use} that does not enclose {@code
   * creation}.
   */
  private static Optional<TreePath> enclosingLoop(
      TreePath use, TreePath creation, VisitorState state) {
    Tree child = null;
    for (TreePath current = use; current != null; current = current.getParentPath()) {
      if (child != null
          && io.oomguard.checker.hotpath.Loops.runsPerIteration(current.getLeaf(), child, state)) {
        return LocalVariables.repeatsRelativeTo(use, creation, state)
            ? Optional.of(current)
            : Optional.empty();
      }
      child = current.getLeaf();
    }
    return Optional.empty();
  }

  /** What a loop iterates over: the for-each expression, or the receiver of {@code forEach}. */
  private static ExpressionTree loopSource(Tree loop) {
    if (loop instanceof EnhancedForLoopTree forEach) {
      return forEach.getExpression();
    }
    if (loop instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("forEach")
        && call.getArguments().size() == 1
        && (call.getArguments().get(0) instanceof LambdaExpressionTree
            || call.getArguments().get(0) instanceof MemberReferenceTree)) {
      ExpressionTree receiver = select.getExpression();
      // map.entrySet().forEach(...) and items.stream().forEach(...) iterate the same data.
      if (receiver instanceof MethodInvocationTree inner
          && inner.getMethodSelect() instanceof MemberSelectTree innerSelect
          && innerSelect.getIdentifier().toString().matches("stream|parallelStream")) {
        return innerSelect.getExpression();
      }
      return receiver;
    }
    return null;
  }

  /** The collection or array a stream chain starts from, or null when it cannot be told. */
  private static ExpressionTree streamSource(MethodInvocationTree terminal, VisitorState state) {
    ExpressionTree current = terminal;
    for (int depth = 0; depth < 32 && current instanceof MethodInvocationTree call; depth++) {
      if (STREAM_OPEN.matches(call, state)
          && call.getMethodSelect() instanceof MemberSelectTree select) {
        return select.getExpression();
      }
      if (ARRAY_STREAM.matches(call, state)) {
        return call.getArguments().size() == 1
                && ASTHelpers.getType(call.getArguments().get(0)) instanceof Type.ArrayType
            ? call.getArguments().get(0)
            : null;
      }
      if (!(call.getMethodSelect() instanceof MemberSelectTree select)) {
        return null;
      }
      current = select.getExpression();
    }
    return null;
  }
}
