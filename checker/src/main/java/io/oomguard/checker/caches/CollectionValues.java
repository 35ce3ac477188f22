package io.oomguard.checker.caches;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.code.Types;
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
  private static final String COLLECTION = "java.util.Collection";

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

  /** Key types with a fixed, small set of values. */
  private static final ImmutableSet<String> CLOSED_KEY_TYPES =
      ImmutableSet.of(
          "java.lang.Class",
          "java.lang.Boolean",
          "java.nio.charset.Charset",
          "java.lang.reflect.Method",
          "java.lang.reflect.Field",
          "java.lang.reflect.Constructor");

  /** Wrappers whose result is as bounded as their first argument. */
  private static final Matcher<ExpressionTree> WRAPPERS =
      staticMethod()
          .onClass("java.util.Collections")
          .withNameMatching(Pattern.compile("synchronized\\w*|checked\\w*|newSetFromMap"));

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
   * Whether a map's keys, or a set's elements, come from a closed domain (an enum, {@code Class},
   * {@code Boolean}, reflective members): such a container cannot outgrow the domain. Lists and
   * queues hold duplicates and are never closed.
   */
  public static boolean hasClosedKeyDomain(Type type, VisitorState state) {
    Type key;
    if (isMap(type, state)) {
      key = typeArgument(type, MAP, state, 0);
    } else if (isSubtypeOf(type, "java.util.Set", state)) {
      key = typeArgument(type, "java.util.Set", state, 0);
    } else {
      return false;
    }
    if (key == null) {
      return false;
    }
    if (key.isPrimitive()) {
      return key.getTag() == TypeTag.BOOLEAN;
    }
    Symbol.TypeSymbol symbol = key.tsym;
    if (symbol == null) {
      return false;
    }
    if ((symbol.flags() & Flags.ENUM) != 0) {
      return true;
    }
    return CLOSED_KEY_TYPES.contains(symbol.getQualifiedName().toString());
  }

  /**
   * Whether {@code field} is a static map whose values are instances of the class declaring it (or
   * maps/collections of them): a multiton factory such as {@code getManager(packageName)} or {@code
   * forName(algorithm)}, one instance per name the code asks for, not a cache of data.
   */
  public static boolean isMultitonRegistry(Symbol.VarSymbol field, VisitorState state) {
    Symbol.ClassSymbol owner = ASTHelpers.enclosingClass(field);
    if (owner == null || !ASTHelpers.isStatic(field) || !isMap(field.type, state)) {
      return false;
    }
    Type value = typeArgument(field.type, MAP, state, 1);
    if (value != null && isMap(value, state)) {
      value = typeArgument(value, MAP, state, 1);
    } else if (value != null && isSubtypeOf(value, COLLECTION, state)) {
      value = typeArgument(value, COLLECTION, state, 0);
    }
    Types types = state.getTypes();
    return value != null
        && value.tsym != null
        && types.isSubtype(types.erasure(value), types.erasure(owner.type));
  }

  /** What {@code value}, stored into a field, is. */
  public static Kind classify(ExpressionTree value, VisitorState state) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(value);
    while (stripped instanceof TypeCastTree cast) {
      stripped = ASTHelpers.stripParentheses(cast.getExpression());
    }
    if (stripped instanceof NewClassTree newClass) {
      return classifyNew(newClass, state);
    }
    if (stripped instanceof MethodInvocationTree call) {
      if (WRAPPERS.matches(call, state) && !call.getArguments().isEmpty()) {
        return classify(call.getArguments().get(0), state);
      }
      if (FRESH_FACTORIES.matches(call, state)) {
        return isCapacityCall(call, state) ? Kind.OTHER : Kind.UNBOUNDED;
      }
    }
    return Kind.OTHER;
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
