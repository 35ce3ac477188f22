package io.oomguard.checker.caches;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import io.oomguard.checker.collections.Rebuilds;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a collection-typed value is: a map or collection at all, whether its keys come from a closed
 * domain, and whether an expression creates a fresh collection that nothing bounds.
 */
public final class CollectionValues {
  /** What a value stored in a field turns out to be. */
  public enum Kind {
    /** A fresh JDK or Guava map/collection with no capacity, eviction or weak references. */
    UNBOUNDED,
    /** {@code new LinkedHashMap<>(n, f, true)}: LRU intent, but nothing ever evicts. */
    LRU_WITHOUT_EVICTION,
    /** Bounded, immutable, injected or built by code this check cannot see. */
    OTHER
  }

  private static final String MAP = "java.util.Map";
  private static final String THREAD_LOCAL = "java.lang.ThreadLocal";

  /** JDK collections that bound themselves (capacity, weak keys, enum keys). */
  private static final ImmutableSet<String> SELF_BOUNDED =
      ImmutableSet.of(
          "java.util.WeakHashMap",
          "java.util.EnumMap",
          "java.util.concurrent.ArrayBlockingQueue",
          "java.util.concurrent.SynchronousQueue");

  /** Queues whose first {@code int} constructor argument is a capacity. */
  private static final ImmutableSet<String> CAPACITY_QUEUES =
      ImmutableSet.of(
          "java.util.concurrent.LinkedBlockingQueue", "java.util.concurrent.LinkedBlockingDeque");

  /** Wrappers whose result is as bounded as their first argument. */
  private static final Matcher<ExpressionTree> WRAPPERS =
      staticMethod()
          .onClass("java.util.Collections")
          .withNameMatching(Pattern.compile("synchronized\\w*|checked\\w*|newSetFromMap"));

  private static final Matcher<ExpressionTree> THREAD_LOCAL_WITH_INITIAL =
      staticMethod().onClass(THREAD_LOCAL).named("withInitial");

  private static final Matcher<ExpressionTree> FRESH_FACTORIES =
      anyOf(
          staticMethod().onClass("java.util.concurrent.ConcurrentHashMap").named("newKeySet"),
          staticMethod()
              .onClass("com.google.common.collect.Maps")
              .namedAnyOf(
                  "newHashMap",
                  "newHashMapWithExpectedSize",
                  "newLinkedHashMap",
                  "newLinkedHashMapWithExpectedSize",
                  "newConcurrentMap",
                  "newTreeMap",
                  "newIdentityHashMap"),
          staticMethod()
              .onClass("com.google.common.collect.Sets")
              .namedAnyOf(
                  "newHashSet",
                  "newHashSetWithExpectedSize",
                  "newLinkedHashSet",
                  "newLinkedHashSetWithExpectedSize",
                  "newTreeSet",
                  "newConcurrentHashSet",
                  "newCopyOnWriteArraySet",
                  "newIdentityHashSet"),
          staticMethod()
              .onClass("com.google.common.collect.Lists")
              .namedAnyOf(
                  "newArrayList",
                  "newArrayListWithCapacity",
                  "newArrayListWithExpectedSize",
                  "newLinkedList",
                  "newCopyOnWriteArrayList"),
          staticMethod()
              .onClass("com.google.common.collect.Queues")
              .namedAnyOf(
                  "newArrayDeque",
                  "newConcurrentLinkedQueue",
                  "newLinkedBlockingDeque",
                  "newLinkedBlockingQueue",
                  "newPriorityBlockingQueue",
                  "newPriorityQueue"));

  private CollectionValues() {}

  /** Whether {@code type} is a {@code java.util.Map}. */
  public static boolean isMap(Type type, VisitorState state) {
    return isSubtypeOf(type, MAP, state);
  }

  /**
   * Whether {@code type} is a {@code java.util.Map} or {@code java.util.Collection}; asked for
   * every field, so answered once per class ({@link Rebuilds#isCollection}).
   */
  public static boolean isMapOrCollection(Type type, VisitorState state) {
    return Rebuilds.isCollection(type, state);
  }

  /**
   * Whether a map's keys, or a set's elements, come from a closed domain ({@link
   * KeyDomains#isClosedType}: an enum, {@code Class}, {@code Boolean}, reflective members and
   * types): such a container cannot outgrow the domain. Lists and queues hold duplicates and are
   * never closed. A {@code ThreadLocal} is judged by the collection it holds.
   */
  public static boolean hasClosedKeyDomain(Type type, VisitorState state) {
    Type held = heldCollectionType(type, state);
    if (held == null) {
      return false;
    }
    Type key;
    if (isMap(held, state)) {
      key = typeArgument(held, MAP, state, 0);
    } else if (isSubtypeOf(held, "java.util.Set", state)) {
      key = typeArgument(held, "java.util.Set", state, 0);
    } else {
      return false;
    }
    return KeyDomains.isClosedType(key, state);
  }

  /** Whether {@code type} is a {@code ThreadLocal} (or a subclass). */
  public static boolean isThreadLocal(Type type, VisitorState state) {
    return isSubtypeOf(type, THREAD_LOCAL, state);
  }

  /**
   * The map or collection a field of {@code type} holds: the type itself, or what a {@code
   * ThreadLocal} holds for each thread; null for anything else.
   */
  public static @Nullable Type heldCollectionType(Type type, VisitorState state) {
    if (isMapOrCollection(type, state)) {
      return type;
    }
    if (isThreadLocal(type, state)) {
      Type held = typeArgument(type, THREAD_LOCAL, state, 0);
      return held != null && isMapOrCollection(held, state) ? held : null;
    }
    return null;
  }

  /** What {@code value}, stored into a field, is. */
  public static Kind classify(ExpressionTree value, VisitorState state) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(value);
    while (stripped instanceof TypeCastTree cast) {
      stripped = ASTHelpers.stripParentheses(cast.getExpression());
    }
    if (stripped instanceof NewClassTree newClass) {
      return isThreadLocal(ASTHelpers.getType(newClass), state)
          ? classifyThreadLocal(newClass, state)
          : classifyNew(newClass, state);
    }
    if (stripped instanceof MethodInvocationTree call) {
      if (WRAPPERS.matches(call, state) && !call.getArguments().isEmpty()) {
        return classify(call.getArguments().get(0), state);
      }
      if (THREAD_LOCAL_WITH_INITIAL.matches(call, state) && call.getArguments().size() == 1) {
        return classifySupplier(call.getArguments().get(0), state);
      }
      if (FRESH_FACTORIES.matches(call, state)) {
        return isCapacityCall(call, state) ? Kind.OTHER : Kind.UNBOUNDED;
      }
    }
    return Kind.OTHER;
  }

  /**
   * What each thread's value of a {@code ThreadLocal} created here is: the collection its {@code
   * initialValue} override returns; a plain {@code new ThreadLocal<>()} starts empty and is filled
   * by {@code set}, which replaces the collection, so it is not judged.
   */
  private static Kind classifyThreadLocal(NewClassTree newClass, VisitorState state) {
    ClassTree body = newClass.getClassBody();
    if (body == null) {
      return Kind.OTHER;
    }
    for (Tree member : body.getMembers()) {
      if (member instanceof MethodTree method
          && method.getName().contentEquals("initialValue")
          && method.getBody() != null
          && method.getBody().getStatements().size() == 1
          && method.getBody().getStatements().get(0) instanceof ReturnTree returned
          && returned.getExpression() != null) {
        return classify(returned.getExpression(), state);
      }
    }
    return Kind.OTHER;
  }

  /** {@code HashMap::new} or {@code () -> new HashMap<>()}, as a supplier of fresh collections. */
  private static Kind classifySupplier(ExpressionTree supplier, VisitorState state) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(supplier);
    if (stripped instanceof LambdaExpressionTree lambda
        && lambda.getBody() instanceof ExpressionTree body) {
      return classify(body, state);
    }
    if (stripped instanceof MemberReferenceTree reference
        && reference.getMode() == MemberReferenceTree.ReferenceMode.NEW) {
      Type type = ASTHelpers.getType(reference.getQualifierExpression());
      return type != null && type.tsym != null && isFreshJdkCollection(type, state)
          ? Kind.UNBOUNDED
          : Kind.OTHER;
    }
    return Kind.OTHER;
  }

  private static boolean isFreshJdkCollection(Type type, VisitorState state) {
    String name = type.tsym.getQualifiedName().toString();
    return isMapOrCollection(type, state)
        && name.startsWith("java.util.")
        && !SELF_BOUNDED.contains(name);
  }

  private static Kind classifyNew(NewClassTree newClass, VisitorState state) {
    Type type = ASTHelpers.getType(newClass.getIdentifier());
    if (type == null || type.tsym == null || !isMapOrCollection(type, state)) {
      return Kind.OTHER;
    }
    String name = type.tsym.getQualifiedName().toString();
    if (!name.startsWith("java.util.") || SELF_BOUNDED.contains(name)) {
      return Kind.OTHER;
    }
    ClassTree body = newClass.getClassBody();
    if (body != null && declaresMethod(body, "removeEldestEntry")) {
      return Kind.OTHER;
    }
    List<? extends ExpressionTree> arguments = newClass.getArguments();
    if (CAPACITY_QUEUES.contains(name)
        && !arguments.isEmpty()
        && isIntegral(ASTHelpers.getType(arguments.get(0)))) {
      return Kind.OTHER;
    }
    if (name.equals("java.util.LinkedHashMap")
        && arguments.size() == 3
        && Boolean.TRUE.equals(ASTHelpers.constValue(arguments.get(2)))) {
      return Kind.LRU_WITHOUT_EVICTION;
    }
    return Kind.UNBOUNDED;
  }

  /** Guava's {@code Queues.newLinkedBlockingQueue(capacity)} and friends are bounded. */
  private static boolean isCapacityCall(MethodInvocationTree call, VisitorState state) {
    Symbol.MethodSymbol method = ASTHelpers.getSymbol(call);
    return method.getSimpleName().toString().matches("newLinkedBlocking(Queue|Deque)")
        && !call.getArguments().isEmpty()
        && isIntegral(ASTHelpers.getType(call.getArguments().get(0)));
  }

  private static boolean declaresMethod(ClassTree body, String name) {
    for (Tree member : body.getMembers()) {
      if (member instanceof MethodTree method && method.getName().contentEquals(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isIntegral(Type type) {
    return type != null && type.isPrimitive() && type.isIntegral();
  }

  private static @Nullable Type typeArgument(
      Type type, String supertype, VisitorState state, int index) {
    Type target = state.getTypeFromString(supertype); // cached; a symbol lookup searches modules
    if (target == null) {
      return null;
    }
    Type asSuper = state.getTypes().asSuper(type, target.tsym);
    if (asSuper == null || asSuper.getTypeArguments().size() <= index) {
      return null; // raw type
    }
    Type argument = asSuper.getTypeArguments().get(index);
    return argument.hasTag(TypeTag.WILDCARD) ? state.getTypes().wildUpperBound(argument) : argument;
  }

  private static boolean isSubtypeOf(Type type, String supertype, VisitorState state) {
    Type target = state.getTypeFromString(supertype);
    return type != null
        && !type.isPrimitive() // most fields; cheaper to rule out than to ask for a subtype
        && target != null
        && ASTHelpers.isSubtype(state.getTypes().erasure(type), target, state);
  }
}
