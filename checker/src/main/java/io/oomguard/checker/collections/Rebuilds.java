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
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.oomguard.checker.caches.Lifetimes;
import io.oomguard.checker.config.OomGuardFlags;
import io.oomguard.checker.hotpath.HotContext;
import io.oomguard.checker.hotpath.HotPaths;
import io.oomguard.checker.hotpath.Loops;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Recognizes a collection rebuilt in hot code from data that is the same on every call ({@link
 * RequestIndependentData}): populated in a loop over such data, collected from a stream over it, or
 * copied from it; also a collection field of an object made per request or per item, filled while
 * the object is set up. Shared by {@code PerRequestCollectionRebuild}, which reports these, and
 * {@code UnsizedBufferInHotPath}, which leaves them to it.
 */
public final class Rebuilds {
  /** A rebuild: the data it is built from, how, and where it runs per request or per item. */
  public record Rebuild(ExpressionTree source, String how, HotContext hot) {}

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
   * {@link #find(TreePath, VisitorState, OomGuardFlags)} with default flags: no cross-class index
   * and no custom entry-point annotations.
   */
  public static Optional<Rebuild> find(TreePath path, VisitorState state) {
    return find(path, state, OomGuardFlags.defaults());
  }

  /**
   * The rebuild at {@code path} (a collection creation, a stream {@code collect}, or a copy) in hot
   * code, from data that is the same on every call; empty when it runs at start-up, when its result
   * is cached in a field, or when its data may differ between calls.
   */
  public static Optional<Rebuild> find(TreePath path, VisitorState state, OomGuardFlags flags) {
    Tree leaf = path.getLeaf();
    boolean creation =
        leaf instanceof NewClassTree newClass && isCollection(ASTHelpers.getType(newClass), state);
    if (!creation && !(leaf instanceof MethodInvocationTree)) {
      return Optional.empty();
    }
    boolean fieldAtSetUp = creation && assignedField(path).isPresent() && isSetUpCode(path);
    if (HotPaths.inStartUpCode(path, state, flags)
        || (!fieldAtSetUp && (storedInField(path, state) || derivedStoredInField(path, state)))) {
      return Optional.empty();
    }
    Optional<HotContext> hot = HotPaths.of(path, state, flags);
    if (hot.isEmpty()) {
      return Optional.empty();
    }
    RequestIndependentData data =
        RequestIndependentData.around(
            path,
            state,
            runsOnStableObject(path, hot.get(), state),
            code -> HotPaths.of(code, state, flags).isPresent());
    Optional<Found> found =
        creation
            ? copy(path, data, state)
                .or(
                    () ->
                        fieldAtSetUp
                            ? filledAtSetUp(path, state, flags)
                            : populatingLoop(path, data, state))
            : collectedStream(path, data, state).or(() -> copy(path, data, state));
    return found.map(f -> new Rebuild(f.source(), f.how(), hot.get()));
  }

  private record Found(ExpressionTree source, String how) {}

  /**
   * Whether the object whose code runs at {@code path} is the same on every call: the chain from
   * the entry point or loop never leaves the origin's object, or the object lives as long as the
   * application (a singleton, a bean, an object a long-lived one keeps).
   */
  private static boolean runsOnStableObject(TreePath path, HotContext hot, VisitorState state) {
    ClassTree type = ASTHelpers.findEnclosingNode(path, ClassTree.class);
    ClassSymbol symbol = type == null ? null : ASTHelpers.getSymbol(type);
    if (symbol != null && Lifetimes.lifetimeOf(symbol, state).isPresent()) {
      return true;
    }
    // A JAX-RS resource is made per request unless declared a singleton: its fields (a session,
    // the request's context) are the request's.
    return hot.onSameInstance() && (symbol == null || !isJaxRsResource(symbol));
  }

  /**
   * A class with a JAX-RS resource method or sub-resource locator ({@code @GET}, {@code @Path}).
   */
  private static boolean isJaxRsResource(ClassSymbol type) {
    for (Symbol member : type.members().getSymbols(s -> s instanceof MethodSymbol)) {
      for (com.sun.tools.javac.code.Attribute.Compound annotation : member.getAnnotationMirrors()) {
        String name = annotation.type.tsym.getQualifiedName().toString();
        if (name.startsWith("javax.ws.rs.") || name.startsWith("jakarta.ws.rs.")) {
          return true;
        }
      }
    }
    return false;
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
   * A collection created empty at {@code creation}, held in a local, and filled in a loop over data
   * that is the same on every call, with such data, reading nothing else.
   */
  private static Optional<Found> populatingLoop(
      TreePath creation, RequestIndependentData data, VisitorState state) {
    Optional<VarSymbol> local = LocalVariables.assignedLocal(creation);
    if (local.isEmpty()) {
      return Optional.empty();
    }
    List<LocalVariables.Use> uses = LocalVariables.usesAfter(creation, local.get(), state);
    if (uses.stream().anyMatch(use -> storesIntoField(use.path()))) {
      return Optional.empty();
    }
    for (LocalVariables.Use use : uses) {
      if (!use.perIteration() || !isPopulatingCall(use.path())) {
        continue;
      }
      Optional<TreePath> loop = enclosingLoop(use.path(), creation, state);
      if (loop.isPresent()) {
        Optional<Found> found =
            filledFrom(loop.get(), use.path(), Set.of(local.get()), data, state);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the populating call at {@code use} in {@code loop} fills with data that is the same on
   * every call: the loop's source is, what the call adds is (the loop's elements count), and
   * nothing else the loop reads varies.
   */
  private static Optional<Found> filledFrom(
      TreePath loop,
      TreePath use,
      Set<VarSymbol> filled,
      RequestIndependentData data,
      VisitorState state) {
    ExpressionTree source = loopSource(loop.getLeaf());
    if (source == null || !data.isIndependent(source) || data.isSmallConstant(source)) {
      return Optional.empty();
    }
    Set<VarSymbol> elements = new HashSet<>(filled);
    elements.addAll(loopVariables(loop.getLeaf()));
    data.withElements(elements);
    MethodInvocationTree populating =
        (MethodInvocationTree) use.getParentPath().getParentPath().getLeaf();
    if (!populating.getArguments().stream().allMatch(data::isIndependent)
        || !data.readsOnlyIndependentData(loop, elements)) {
      return Optional.empty();
    }
    return Optional.of(new Found(source, "filled in a loop over"));
  }

  /** The variables a loop binds to each element: a for-each variable, a forEach lambda's. */
  private static Set<VarSymbol> loopVariables(Tree loop) {
    Set<VarSymbol> variables = new HashSet<>();
    if (loop instanceof EnhancedForLoopTree forEach) {
      VarSymbol symbol = ASTHelpers.getSymbol(forEach.getVariable());
      if (symbol != null) {
        variables.add(symbol);
      }
    } else if (loop instanceof MethodInvocationTree call) {
      for (ExpressionTree argument : call.getArguments()) {
        if (argument instanceof LambdaExpressionTree lambda) {
          for (VariableTree parameter : lambda.getParameters()) {
            VarSymbol symbol = ASTHelpers.getSymbol(parameter);
            if (symbol != null) {
              variables.add(symbol);
            }
          }
        }
      }
    }
    return variables;
  }

  /**
   * A collection field of an object made per request or per item ({@code private final Map<...> m =
   * new HashMap<>()}), filled while the object is set up, in a loop over data that is the same on
   * every call: every object rebuilds the same collection.
   */
  private static Optional<Found> filledAtSetUp(
      TreePath creation, VisitorState state, OomGuardFlags flags) {
    Optional<VarSymbol> field = assignedField(creation);
    TreePath type = enclosingClass(creation);
    if (field.isEmpty() || type == null) {
      return Optional.empty();
    }
    List<Found> found = new java.util.ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        if (tree != type.getLeaf()) {
          return null; // a nested class's code fills its own fields
        }
        for (Tree member : tree.getMembers()) {
          MethodSymbol method =
              member instanceof MethodTree methodTree ? ASTHelpers.getSymbol(methodTree) : null;
          boolean setUp =
              (member instanceof BlockTree block && !block.isStatic())
                  || (member instanceof VariableTree variable
                      && !variable
                          .getModifiers()
                          .getFlags()
                          .contains(javax.lang.model.element.Modifier.STATIC))
                  || (method != null && method.isConstructor());
          if (setUp) {
            scan(member, null);
          }
        }
        return null;
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (found.isEmpty()
            && tree.getMethodSelect() instanceof MemberSelectTree select
            && CollectionMethods.GROWING.contains(select.getIdentifier().toString())
            && field.get().equals(ASTHelpers.getSymbol(select.getExpression()))) {
          TreePath use =
              new TreePath(new TreePath(getCurrentPath(), select), select.getExpression());
          Optional<TreePath> loop = innermostLoop(use, state);
          if (loop.isPresent()) {
            RequestIndependentData data =
                RequestIndependentData.around(
                    use, state, false, code -> HotPaths.of(code, state, flags).isPresent());
            filledFrom(loop.get(), use, Set.of(field.get()), data, state).ifPresent(found::add);
          }
        }
        return super.visitMethodInvocation(tree, unused);
      }
    }.scan(type, null);
    return found.stream().findFirst();
  }

  /** The instance field the value at {@code path} initializes or is assigned to. */
  private static Optional<VarSymbol> assignedField(TreePath path) {
    TreePath current = path;
    while (current.getParentPath() != null
        && current.getParentPath().getLeaf() instanceof ParenthesizedTree) {
      current = current.getParentPath();
    }
    Tree parent = current.getParentPath() == null ? null : current.getParentPath().getLeaf();
    Symbol symbol = null;
    if (parent instanceof VariableTree variable && variable.getInitializer() == current.getLeaf()) {
      symbol = ASTHelpers.getSymbol(variable);
    } else if (parent instanceof AssignmentTree assignment
        && assignment.getExpression() == current.getLeaf()) {
      symbol = ASTHelpers.getSymbol(assignment.getVariable());
    }
    return symbol instanceof VarSymbol variable
            && symbol.getKind() == ElementKind.FIELD
            && !symbol.isStatic()
        ? Optional.of(variable)
        : Optional.empty();
  }

  /** Code in an instance field initializer, an initializer block or a constructor. */
  private static boolean isSetUpCode(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof LambdaExpressionTree) {
        return false;
      }
      if (leaf instanceof MethodTree method) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        return symbol != null && symbol.isConstructor();
      }
      if (leaf instanceof ClassTree) {
        return true;
      }
    }
    return false;
  }

  private static TreePath enclosingClass(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof ClassTree) {
        return current;
      }
    }
    return null;
  }

  /** The innermost loop or per-element call around {@code use}, within its method. */
  private static Optional<TreePath> innermostLoop(TreePath use, VisitorState state) {
    Tree child = null;
    for (TreePath current = use; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof MethodTree || current.getLeaf() instanceof ClassTree) {
        return Optional.empty();
      }
      if (child != null && Loops.runsPerIteration(current.getLeaf(), child, state)) {
        return Optional.of(current);
      }
      child = current.getLeaf();
    }
    return Optional.empty();
  }

  /** {@code source.stream()...collect(toMap(...))} or {@code .toList()} over such data. */
  private static Optional<Found> collectedStream(
      TreePath call, RequestIndependentData data, VisitorState state) {
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
    // The whole pipeline: its source, and every function it applies, read only such data.
    if (source == null || data.isSmallConstant(source) || !data.isIndependent(invocation)) {
      return Optional.empty();
    }
    return Optional.of(new Found(source, "collected from"));
  }

  /**
   * A copy of data that is the same on every call: a copy constructor, {@code Set.copyOf}, {@code
   * ImmutableMap.copyOf}, Guava's {@code Maps.uniqueIndex}; not a snapshot that is only iterated.
   */
  private static Optional<Found> copy(
      TreePath path, RequestIndependentData data, VisitorState state) {
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
    if (data.isSmallConstant(source)
        || !data.isIndependent((ExpressionTree) leaf)
        || isOnlyIterated(path, state)) {
      return Optional.empty();
    }
    return Optional.of(new Found(source, "copied from"));
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
      if (child != null && Loops.runsPerIteration(current.getLeaf(), child, state)) {
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

  /**
   * What a stream chain starts from: the collection or array streamed, or, when the chain starts
   * from a call that returns a stream ({@code provider.orderedStream()}) or from a stream held in a
   * variable, that expression; null when it cannot be told.
   */
  private static ExpressionTree streamSource(MethodInvocationTree terminal, VisitorState state) {
    ExpressionTree current = terminal;
    for (int depth = 0; depth < 32; depth++) {
      if (!(current instanceof MethodInvocationTree call)) {
        return isStream(current, state) ? current : null;
      }
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
      ExpressionTree receiver = select.getExpression();
      if (!isStream(receiver, state)) {
        return current == terminal ? null : current; // a call that returns a stream
      }
      current = receiver;
    }
    return null;
  }

  private static boolean isStream(ExpressionTree expression, VisitorState state) {
    Type type = ASTHelpers.getType(expression);
    return type != null && ASTHelpers.isSubtype(type, STREAM.get(state), state);
  }

  private static final Supplier<Type> STREAM =
      Suppliers.typeFromString("java.util.stream.BaseStream");
}
