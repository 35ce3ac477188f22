package io.oomguard.checker;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.predicates.TypePredicate;
import com.google.errorprone.predicates.TypePredicates;
import com.google.errorprone.suppliers.Supplier;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.tree.JCTree.JCFieldAccess;
import com.sun.tools.javac.tree.JCTree.JCIdent;
import com.sun.tools.javac.tree.JCTree.JCMemberReference;
import com.sun.tools.javac.tree.JCTree.JCNewClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.lang.model.element.Name;
import org.jspecify.annotations.Nullable;

/**
 * The method names a group of Error Prone method matchers can match, collected while the matchers
 * are built, so that a call with any other name is turned away before a matcher runs.
 *
 * <p>Checks that run on every method call of a compilation try many matchers on each, and every
 * {@code onDescendantOf} is a subtype test; comparing the called name first, read from the tree, is
 * far cheaper. The names are not listed a second time: each matcher takes its names through the
 * filter ({@code .named(NAMES.name("readAllBytes"))}, {@code .namedAnyOf(NAMES.names(...))}, {@code
 * .withNameMatching(NAMES.prefix("new"))}, {@code constructor().forClass(NAMES.constructor(...))}),
 * and the owner {@link #freeze freezes} it after its last matcher, so the filter and the matchers
 * cannot drift apart. Registering after the freeze fails the class's initialization, which every
 * test notices.
 *
 * <p>A whole group's names let through every call that any one matcher might match ({@code get},
 * {@code toString}); wrapping each matcher in {@link #guard} also puts its own names in front of
 * it, so that a {@code map.get(k)} is not tested against a JAX-RS invoker's supertypes.
 *
 * <p>A guard also judges classes, once per class and compilation, with the matchers' own type
 * predicates: a {@code new} (or {@code super(...)}, {@code this(...)}) passes only when it
 * constructs one of the classes its constructor matchers were registered with, and in a guard whose
 * matchers registered their receivers ({@code .onDescendantOf(NAMES.receiver(...))}) a call passes
 * only on a receiver of those types, so that the many {@code get} calls of a compilation on lists
 * and optionals never reach a cache matcher.
 */
public final class MethodNameFilter {
  /** The name of a constructor's symbol, which {@code super(...)} and {@code this(...)} call. */
  static final String CONSTRUCTOR = "<init>";

  private final Set<String> names = new LinkedHashSet<>();
  private final List<String> prefixes = new ArrayList<>();
  private final Set<String> unguardedNames = new LinkedHashSet<>();
  private final List<String> unguardedPrefixes = new ArrayList<>();
  private final Constructors constructors = new Constructors();
  private final Constructors unguardedConstructors = new Constructors();
  private final Set<String> unguardedReceivers = new LinkedHashSet<>();
  private boolean frozen;
  private ImmutableSet<String> frozenNames = ImmutableSet.of();
  private ImmutableList<String> frozenPrefixes = ImmutableList.of();
  private Constructors frozenConstructors = new Constructors();
  private @Nullable NameSet frozenSet;

  /** An empty filter, to register names with while the matchers are built. */
  public MethodNameFilter() {}

  /** Registers one method name a matcher matches, and returns it for the matcher. */
  public String name(String name) {
    add(name);
    return name;
  }

  /** Registers method names a matcher matches, and returns them for the matcher. */
  public String[] names(String... names) {
    for (String name : names) {
      add(name);
    }
    return names;
  }

  /** Registers method names a matcher matches, and returns them for the matcher. */
  public ImmutableSet<String> names(Iterable<String> names) {
    ImmutableSet<String> copy = ImmutableSet.copyOf(names);
    copy.forEach(this::add);
    return copy;
  }

  /**
   * Registers a prefix of method names a matcher matches ({@code new} for {@code
   * newFixedThreadPool} and its siblings), and returns the pattern for {@code withNameMatching}.
   */
  public Pattern prefix(String prefix) {
    checkState(!frozen, "%s registered after the filter was frozen", prefix);
    prefixes.add(prefix);
    unguardedPrefixes.add(prefix);
    return Pattern.compile(Pattern.quote(prefix) + ".*");
  }

  /**
   * Registers a constructor matcher's class (a name, a type predicate or a type supplier, as {@code
   * forClass} takes), and returns it for the matcher: such a matcher also matches {@code
   * super(...)} and {@code this(...)} calls, and a {@code new} is let through only when it creates
   * an object of such a class.
   */
  public <T> T constructor(T forClass) {
    add(CONSTRUCTOR);
    constructors.add(forClass);
    unguardedConstructors.add(forClass);
    return forClass;
  }

  /**
   * Registers the type an instance-method matcher's receiver descends from (as {@code
   * onDescendantOf} takes it), and returns it for the matcher. A guard with receivers also turns
   * away a call on any other receiver, judged once per receiver class: every matcher it guards must
   * then be an instance-method matcher on one of them.
   */
  public String receiver(String type) {
    checkState(!frozen, "%s registered after the filter was frozen", type);
    unguardedReceivers.add(type);
    return type;
  }

  /** {@link #receiver} for each type, as {@code onDescendantOfAny} takes them. */
  public String[] receivers(String... types) {
    for (String type : types) {
      receiver(type);
    }
    return types;
  }

  private void add(String name) {
    checkState(!frozen, "%s registered after the filter was frozen", name);
    names.add(name);
    unguardedNames.add(name);
  }

  /**
   * Puts a name test in front of {@code matcher}, with the names registered since the previous
   * guard (those {@code matcher} was built with): a call of another name is turned away before the
   * matcher's own tests, which begin with the owner's supertypes. Trees that name no method are
   * left to the matcher.
   */
  public Matcher<ExpressionTree> guard(Matcher<ExpressionTree> matcher) {
    checkState(!frozen, "guard after the filter was frozen");
    checkState(
        !unguardedNames.isEmpty() || !unguardedPrefixes.isEmpty(),
        "guard of a matcher built without names from this filter");
    checkState(
        unguardedReceivers.isEmpty() || !unguardedNames.contains(CONSTRUCTOR),
        "a guard with receivers guards instance methods only, not constructors");
    NameSet guardNames =
        new NameSet(
            ImmutableSet.copyOf(unguardedNames),
            ImmutableList.copyOf(unguardedPrefixes),
            unguardedConstructors.copy(),
            unguardedReceivers.stream()
                .map(TypePredicates::isDescendantOf)
                .collect(ImmutableList.toImmutableList()));
    unguardedNames.clear();
    unguardedPrefixes.clear();
    unguardedConstructors.clear();
    unguardedReceivers.clear();
    return (tree, state) -> guardNames.mayName(tree, state) && matcher.matches(tree, state);
  }

  /**
   * Ends registration, adding what the {@code others} registered (filters of helpers whose matchers
   * the owner also runs on the call), and returns this filter.
   */
  public MethodNameFilter freeze(MethodNameFilter... others) {
    checkState(!frozen, "frozen twice");
    for (MethodNameFilter other : others) {
      checkState(other.frozen, "a filter joined before it was frozen");
      names.addAll(other.frozenNames);
      prefixes.addAll(other.frozenPrefixes);
      constructors.addAll(other.frozenConstructors);
    }
    frozen = true;
    frozenNames = ImmutableSet.copyOf(names);
    frozenPrefixes = ImmutableList.copyOf(prefixes);
    frozenConstructors = constructors.copy();
    // Receivers are a guard's own: a filter's other matchers may take calls on any receiver.
    frozenSet = new NameSet(frozenNames, frozenPrefixes, frozenConstructors, ImmutableList.of());
    return this;
  }

  /** Every name registered, for tests; prefixes are in {@link #prefixes()}. */
  public ImmutableSet<String> names() {
    checkState(frozen, "read before the filter was frozen");
    return frozenNames;
  }

  /** Every name prefix registered, for tests. */
  public ImmutableList<String> prefixes() {
    checkState(frozen, "read before the filter was frozen");
    return frozenPrefixes;
  }

  /** Whether a method of this name may be matched; {@code <init>} for a constructor. */
  public boolean mayMatch(String name) {
    checkState(frozen, "read before the filter was frozen");
    return matches(name, frozenNames, frozenPrefixes);
  }

  private static boolean matches(
      String name, ImmutableSet<String> names, ImmutableList<String> prefixes) {
    if (names.contains(name)) {
      return true;
    }
    // Indexed: an iterator here is compiled into every caller of the name test.
    for (int i = 0; i < prefixes.size(); i++) {
      if (name.startsWith(prefixes.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the method {@code call} calls may be matched, judged by its name alone. */
  public boolean mayMatch(MethodInvocationTree call, VisitorState state) {
    NameSet set = frozenSet;
    checkState(set != null, "read before the filter was frozen");
    return set.mayName(call, state);
  }

  /** How many name sets exist; the first 64 keep their verdicts in {@link Verdict}'s bits. */
  private static final AtomicInteger NAME_SETS = new AtomicInteger();

  /** Per compilation, what the name sets said about each javac name seen. */
  private static final PerCompilation<Verdicts> VERDICTS = new PerCompilation<>(Verdicts::new);

  /** Every name set's names and prefixes; see {@link Index}. */
  private static volatile Index index = Index.EMPTY;

  /** Adds the names and prefixes of the set with {@code bit} to the index. */
  private static synchronized void index(
      ImmutableSet<String> names, ImmutableList<String> prefixes, long bit) {
    index = index.with(names, prefixes, bit);
  }

  /**
   * Which of the first 64 name sets hold each name and prefix, so that a name new to a compilation
   * gets its verdicts from all of them in one look-up instead of one per set (a compilation has
   * tens of thousands of names, and the checks half a hundred sets). Replaced whole when a set is
   * made (in class initialization, possibly while another compilation reads it); {@code sets} holds
   * the bits of the sets it knows, and a set made after a name's verdict falls back to its own
   * test.
   */
  record Index(ImmutableMap<String, Long> names, ImmutableList<Prefix> prefixes, long sets) {
    static final Index EMPTY = new Index(ImmutableMap.of(), ImmutableList.of(), 0);

    /** This index and the set with {@code bit}, which holds {@code names} and {@code prefixes}. */
    Index with(ImmutableSet<String> setNames, ImmutableList<String> setPrefixes, long bit) {
      Map<String, Long> byName = new HashMap<>(names);
      for (String name : setNames) {
        byName.merge(name, bit, (a, b) -> a | b);
      }
      Map<String, Long> byPrefix = new LinkedHashMap<>();
      for (Prefix prefix : prefixes) {
        byPrefix.put(prefix.text(), prefix.sets());
      }
      for (String prefix : setPrefixes) {
        byPrefix.merge(prefix, bit, (a, b) -> a | b);
      }
      return new Index(
          ImmutableMap.copyOf(byName),
          byPrefix.entrySet().stream()
              .map(entry -> new Prefix(entry.getKey(), entry.getValue()))
              .collect(ImmutableList.toImmutableList()),
          sets | bit);
    }

    /**
     * Gives {@code verdict} the answers of every set this index knows (and of no other: a set made
     * later works its answer out itself).
     */
    void judge(Verdict verdict) {
      verdict.known |= sets;
      verdict.yes |= holding(verdict.text);
    }

    /** The bits of the sets that hold {@code name}, or a prefix of it. */
    long holding(String name) {
      long yes = names.getOrDefault(name, 0L);
      for (int i = 0; i < prefixes.size(); i++) { // indexed, as in matches
        Prefix prefix = prefixes.get(i);
        if (name.startsWith(prefix.text())) {
          yes |= prefix.sets();
        }
      }
      return yes;
    }
  }

  /** A prefix and the bits of the sets that hold it. */
  record Prefix(String text, long sets) {}

  /**
   * Names and prefixes, and a bit of their own in each name's {@link Verdict}: a call's name is
   * read from the tree as a {@link Name}, which javac interns, so that it is turned into a {@code
   * String} once per compilation, and looked up once in the {@link Index} of all sets, not once per
   * call or per set.
   */
  private static final class NameSet {
    private final ImmutableSet<String> names;
    private final ImmutableList<String> prefixes;
    private final boolean constructors;
    private final Constructors classes;
    private final ImmutableList<TypePredicate> receivers; // empty: calls on any receiver
    private final long bit; // 0 past the 64th set: such a set works its verdict out every time

    NameSet(
        ImmutableSet<String> names,
        ImmutableList<String> prefixes,
        Constructors classes,
        ImmutableList<TypePredicate> receivers) {
      this.names = names;
      this.prefixes = prefixes;
      this.constructors = names.contains(CONSTRUCTOR);
      this.classes = classes;
      this.receivers = receivers;
      int number = NAME_SETS.getAndIncrement();
      this.bit = number < Long.SIZE ? 1L << number : 0;
      if (bit != 0) {
        index(names, prefixes, bit);
      }
    }

    /**
     * Whether {@code tree} may call a method of these names (on one of these receivers), or create
     * an object of one of these constructors' classes; a tree naming none may.
     */
    boolean mayName(ExpressionTree tree, VisitorState state) {
      Name name;
      ExpressionTree select;
      if (tree instanceof MethodInvocationTree call) {
        select = call.getMethodSelect();
        if (select instanceof MemberSelectTree member) {
          name = member.getIdentifier();
        } else if (select instanceof IdentifierTree identifier) {
          name = identifier.getName();
        } else {
          return matches("", names, prefixes);
        }
      } else if (tree instanceof NewClassTree creation) {
        return constructors && mayCreate(((JCNewClass) creation).constructor, state);
      } else if (tree instanceof MemberReferenceTree reference) {
        select = reference;
        name = reference.getName();
      } else {
        return true;
      }
      Verdicts verdicts = VERDICTS.get(state);
      Verdict verdict = verdicts.of(name);
      if (!((verdict.known & bit) != 0 ? (verdict.yes & bit) != 0 : decide(verdict))) {
        return false;
      }
      if (verdict.constructor && tree instanceof MethodInvocationTree) {
        return mayCreate(symbolOf(select), state); // super(...) or this(...)
      }
      return receivers.isEmpty() || mayReceive(receiverType(select), verdicts, state);
    }

    private boolean decide(Verdict verdict) {
      return remember(verdict, matches(verdict.text, names, prefixes));
    }

    /**
     * Whether a call on a receiver of {@code type} may be matched: an instance-method matcher tests
     * the receiver's type ({@code ASTHelpers.getReceiverType}) against its supertypes, erased, so
     * that the answer is one per class (or type variable) and compilation. Other types (arrays, a
     * tree javac did not attribute) are left to the matcher.
     */
    private boolean mayReceive(@Nullable Type type, Verdicts verdicts, VisitorState state) {
      if (type == null || !(type.hasTag(TypeTag.CLASS) || type.hasTag(TypeTag.TYPEVAR))) {
        return true;
      }
      Verdict verdict = verdicts.ofReceiver(type.tsym);
      if ((verdict.known & bit) != 0) {
        return (verdict.yes & bit) != 0;
      }
      boolean yes = false;
      for (TypePredicate receiver : receivers) {
        yes |= receiver.apply(type, state);
      }
      return remember(verdict, yes);
    }

    /**
     * Whether {@code constructor} (what a {@code new}, {@code super(...)} or {@code this(...)}
     * calls) belongs to one of the classes: a constructor matcher tests the class that declares the
     * constructor ({@code sym.owner.type}), so that the answer is one per class and compilation.
     * Without a symbol (a tree javac did not attribute), the matcher decides.
     */
    private boolean mayCreate(@Nullable Symbol constructor, VisitorState state) {
      if (classes.any()) {
        return true;
      }
      if (constructor == null || !(constructor.owner instanceof ClassSymbol owner)) {
        return true;
      }
      Verdict verdict = VERDICTS.get(state).ofClass(owner);
      return (verdict.known & bit) != 0
          ? (verdict.yes & bit) != 0
          : remember(verdict, classes.mayMatch(owner, verdict.text, state));
    }

    private boolean remember(Verdict verdict, boolean yes) {
      verdict.known |= bit;
      if (yes) {
        verdict.yes |= bit;
      }
      return yes;
    }

    /** The symbol a method select or member reference names, read from the tree. */
    private static @Nullable Symbol symbolOf(ExpressionTree select) {
      if (select instanceof JCFieldAccess access) {
        return access.sym;
      }
      return select instanceof JCIdent identifier ? identifier.sym : null;
    }

    /** The receiver type Error Prone's method matchers test, without its exceptions. */
    private static @Nullable Type receiverType(ExpressionTree select) {
      if (select instanceof JCFieldAccess access) {
        return access.selected.type;
      }
      if (select instanceof JCIdent identifier) {
        return identifier.sym == null || identifier.sym.owner == null
            ? null
            : identifier.sym.owner.type;
      }
      return select instanceof JCMemberReference reference
          ? reference.getQualifierExpression().type
          : null;
    }
  }

  /**
   * The classes constructor matchers were registered with, as the type predicates {@code forClass}
   * makes of them; {@link #any} when one was given in a form the filter cannot test.
   */
  private static final class Constructors {
    /** A class a constructor matcher takes; its simple name, when it is given by name. */
    private record Entry(TypePredicate predicate, @Nullable String simpleName) {}

    private final List<Entry> classes = new ArrayList<>();
    private boolean any;

    @SuppressWarnings("unchecked") // forClass takes a Supplier<Type>, the only supplier it takes
    void add(Object forClass) {
      if (forClass instanceof String name) {
        classes.add(
            new Entry(
                TypePredicates.isExactType(name),
                name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1)));
      } else if (forClass instanceof TypePredicate predicate) {
        classes.add(new Entry(predicate, null));
      } else if (forClass instanceof Supplier<?> type) {
        classes.add(new Entry(TypePredicates.isExactType((Supplier<Type>) type), null));
      } else {
        any = true;
      }
    }

    void addAll(Constructors other) {
      classes.addAll(other.classes);
      any |= other.any;
    }

    Constructors copy() {
      Constructors copy = new Constructors();
      copy.addAll(this);
      return copy;
    }

    void clear() {
      classes.clear();
      any = false;
    }

    boolean any() {
      return any;
    }

    /**
     * Whether a constructor of {@code owner}, whose simple name is {@code simpleName}, may be
     * matched. A class given by name is the same type only if the simple names agree, which is
     * tested first: resolving the name costs a lookup per file, and most classes differ.
     */
    boolean mayMatch(ClassSymbol owner, String simpleName, VisitorState state) {
      for (Entry entry : classes) {
        if ((entry.simpleName() == null || simpleName.equals(entry.simpleName()))
            && entry.predicate().apply(owner.type, state)) {
          return true;
        }
      }
      return false;
    }
  }

  /** The javac names, classes and receivers of one compilation, and the last of each asked for. */
  private static final class Verdicts {
    private final IdentityHashMap<Name, Verdict> byName = new IdentityHashMap<>();
    private final IdentityHashMap<ClassSymbol, Verdict> byClass = new IdentityHashMap<>();
    private final IdentityHashMap<Symbol, Verdict> byReceiver = new IdentityHashMap<>();
    private @Nullable Name lastName;
    private @Nullable Verdict last;
    // A new's class and a call's receiver are asked about by every set in turn, as names are.
    private @Nullable ClassSymbol lastClass;
    private @Nullable Verdict lastClassVerdict;
    private @Nullable Symbol lastReceiver;
    private @Nullable Verdict lastReceiverVerdict;

    /** The verdicts on {@code name}; the checks ask about one call in turn, so the last is kept. */
    Verdict of(Name name) {
      Verdict verdict = last;
      if (name != lastName || verdict == null) {
        verdict = byName.get(name);
        if (verdict == null) {
          verdict = add(name);
        }
        lastName = name;
        last = verdict;
      }
      return verdict;
    }

    /**
     * The verdicts on creating objects of {@code owner}, whose text is its simple name (read once
     * per class, not once per set).
     */
    Verdict ofClass(ClassSymbol owner) {
      Verdict verdict = lastClassVerdict;
      if (owner != lastClass || verdict == null) {
        verdict = byClass.computeIfAbsent(owner, o -> new Verdict(o.getSimpleName().toString()));
        lastClass = owner;
        lastClassVerdict = verdict;
      }
      return verdict;
    }

    /** The verdicts on calls on a receiver of the class or type variable {@code receiver}. */
    Verdict ofReceiver(Symbol receiver) {
      Verdict verdict = lastReceiverVerdict;
      if (receiver != lastReceiver || verdict == null) {
        verdict = byReceiver.computeIfAbsent(receiver, unused -> new Verdict(""));
        lastReceiver = receiver;
        lastReceiverVerdict = verdict;
      }
      return verdict;
    }

    private Verdict add(Name name) {
      String text = name.toString();
      Verdict verdict =
          new Verdict(text.equals("super") || text.equals("this") ? CONSTRUCTOR : text);
      index.judge(verdict);
      byName.put(name, verdict);
      return verdict;
    }
  }

  /**
   * What the name sets said about one name (or, for {@code new}, one class): a bit per set, in
   * {@code known} once it has.
   */
  static final class Verdict {
    final String text; // the name; a class's simple name; empty for a receiver
    final boolean constructor; // super(...) and this(...), which call a constructor
    long known;
    long yes;

    Verdict(String text) {
      this.text = text;
      this.constructor = text.equals(CONSTRUCTOR);
    }
  }

  /**
   * The simple name of the method {@code call} calls, read from the tree, without resolving a
   * symbol: {@code <init>} for {@code super(...)} and {@code this(...)}, as on their symbol.
   */
  public static String calledName(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    String name = "";
    if (select instanceof MemberSelectTree member) {
      name = member.getIdentifier().toString();
    } else if (select instanceof IdentifierTree identifier) {
      name = identifier.getName().toString();
    }
    return name.equals("super") || name.equals("this") ? CONSTRUCTOR : name;
  }
}
