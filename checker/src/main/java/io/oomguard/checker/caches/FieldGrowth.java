package io.oomguard.checker.caches;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.oomguard.checker.Guard;
import io.oomguard.checker.LastTreeMemo;
import io.oomguard.checker.collections.CollectionMethods;
import io.oomguard.checker.hotpath.StartUpMethods;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * Per-class facts about map and collection fields: where each one grows, and whether anything
 * shrinks or bounds it. Computed by one scan of the top-level class (see {@link
 * #ofEnclosingClass}), with the module's callers ({@link Callers}) deciding when the growing code
 * runs.
 *
 * <p>Growth counts only when run-time code does it on behalf of traffic or data. Code that runs
 * once while the class or the application starts (static and instance initializers, field
 * initializers, constructors of singletons, {@code @PostConstruct} and the other start-up
 * callbacks, and methods every caller of which, across the module, runs at start-up) fills a table,
 * it does not grow a cache; nor does a method nothing calls. Not growth either: puts under keys the
 * code fixes ({@link KeyDomains}: constants, enums, class literals, names of classes and methods,
 * configuration), fills guarded by {@code isEmpty()}, adds that only happen while a size comparison
 * allows them, and, in a method only code outside the module calls, storing what the caller hands
 * in (a registration API) or a method named like set-up ({@code register*}, {@code init*}, {@code
 * set*}, ...).
 *
 * <p>Any removal ({@code remove}, {@code clear}, {@code poll}, removal through a view or an
 * iterator) that runs while the application runs, a reassignment at run time, or handing the field
 * to code this class cannot see counts as a bound. Removal at shutdown does not, nor does a removal
 * method nothing in the module calls while callers in the module grow the field at run time (a
 * manual {@code clearCache()} bounds nothing on its own).
 */
public final class FieldGrowth {
  /** When code runs, from once to any time; later constants are worse. */
  enum Phase {
    /** Once per class: static initializers, {@code main}. */
    STATIC_INIT,
    /** Once per application: constructors and start-up callbacks of a singleton. */
    SINGLETON_INIT,
    /** Once per object: constructors of an ordinary class. */
    OBJECT_INIT,
    /** Once, at the end: {@code @PreDestroy}, {@code close()}; removal there bounds nothing. */
    SHUTDOWN,
    /** Any time. */
    RUNTIME
  }

  /**
   * A call that adds to a field at run time: where it is (for messages and for the hot-path model)
   * and who runs it ({@link Callers.Reach#RUNTIME} when callers in the module do, {@link
   * Callers.Reach#EXTERNAL} or {@link Callers.Reach#UNKNOWN} when only code outside the module
   * could).
   */
  public record GrowthSite(
      Tree site,
      TreePath path,
      String operation,
      String location,
      long line,
      Callers.Reach reach) {}

  /**
   * What the class does with one field: its values, the growth that makes it a cache that only
   * grows, whether anything writes it after initialization at all (even under a fixed key or as a
   * registration), and what bounds it.
   */
  public record FieldFacts(
      ImmutableList<ExpressionTree> values,
      ImmutableList<GrowthSite> runtimeGrowth,
      boolean writtenAfterInitialization,
      boolean shrunk,
      boolean reassignedAtRuntime,
      boolean escapes) {
    static final FieldFacts NONE =
        new FieldFacts(ImmutableList.of(), ImmutableList.of(), false, false, false, false);

    /** Whether anything in the class removes entries, or hands the field to code that may. */
    public boolean isBounded() {
      return shrunk || reassignedAtRuntime || escapes;
    }
  }

  /**
   * The facts of the last top-level class, shared by the checks that ask (UnboundedCache,
   * NonRepeatingCacheKey), so that a class is scanned once per compilation, not once per check.
   */
  private static final LastTreeMemo<FieldGrowth> LAST_CLASS = new LastTreeMemo<>();

  /** The facts of the top-level class enclosing {@code state}'s path. */
  public static FieldGrowth ofEnclosingClass(VisitorState state) {
    TreePath topLevel = topLevelClass(state.getPath());
    return topLevel == null
        ? nothing()
        : LAST_CLASS.get(topLevel, state, FieldGrowth::scanOrNothing);
  }

  private static FieldGrowth scanOrNothing(TreePath topLevelClass, VisitorState state) {
    try {
      return scan(topLevelClass, state);
    } catch (RuntimeException e) {
      Guard.recover(e, "the cache facts of a class", topLevelClass.getLeaf(), state);
      return nothing(); // no facts, no finding
    }
  }

  /**
   * No facts: every field answers {@link FieldFacts#NONE}. A new object each time, not a shared
   * constant, since {@link #factsFor} memoizes what it is asked (oomguard's own UnboundedCache
   * finding on the shared constant, which kept every field ever asked of it).
   */
  private static FieldGrowth nothing() {
    return new FieldGrowth(null, new IdentityHashMap<>(), Map.of(), Map.of());
  }

  /**
   * Whether the top-level class enclosing {@code state}'s path creates an access-ordered map
   * without eviction anywhere ({@link CollectionValues.Kind#LRU_WITHOUT_EVICTION}). Without one, no
   * field of the class is given such a map (its values are expressions in the class), which a check
   * can tell by this lighter scan (the {@code new}s of the class, no paths, no uses) before asking
   * for the class's facts.
   */
  public static boolean createsLruWithoutEviction(VisitorState state) {
    TreePath topLevel = topLevelClass(state.getPath());
    if (topLevel == null) {
      return false;
    }
    return LAST_LRU_SCAN.get(topLevel, state, FieldGrowth::scanForLru);
  }

  /** The last top-level class {@link #createsLruWithoutEviction} scanned, and its answer. */
  private static final LastTreeMemo<Boolean> LAST_LRU_SCAN = new LastTreeMemo<>();

  private static boolean scanForLru(TreePath topLevelClass, VisitorState state) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitNewClass(NewClassTree tree, Void unused) {
        // Such a map is made with three arguments: capacity, load factor and access order.
        if (tree.getArguments().size() == 3
            && CollectionValues.classify(tree, state)
                == CollectionValues.Kind.LRU_WITHOUT_EVICTION) {
          found[0] = true;
          return null;
        }
        return found[0] ? null : super.visitNewClass(tree, unused);
      }
    }.scan(topLevelClass.getLeaf(), null);
    return found[0];
  }

  /** Calls that add an entry or element. */
  static final ImmutableSet<String> GROWTH = CollectionMethods.GROWING;

  /** Calls that store what they are given, without looking anything up. */
  private static final ImmutableSet<String> PLAIN_INSERTS =
      ImmutableSet.of(
          "put",
          "putAll",
          "add",
          "addAll",
          "offer",
          "addFirst",
          "addLast",
          "offerFirst",
          "offerLast",
          "push",
          "putFirst",
          "putLast",
          "Collections.addAll");

  /** Calls that grow a map under their first argument as the key. */
  private static final ImmutableSet<String> KEYED_GROWTH =
      ImmutableSet.of("put", "putIfAbsent", "computeIfAbsent", "compute", "merge", "add", "offer");

  private static final Matcher<ExpressionTree> COLLECTIONS_ADD_ALL =
      staticMethod().onClass("java.util.Collections").named("addAll");

  /** Calls that read a collection argument without keeping or changing it. */
  private static final Matcher<ExpressionTree> READS_ARGUMENT =
      anyOf(
          staticMethod()
              .onClass("java.util.Collections")
              .withNameMatching(Pattern.compile("unmodifiable\\w*|max|min|frequency")),
          staticMethod()
              .onClassAny("java.util.List", "java.util.Set", "java.util.Map")
              .named("copyOf"),
          staticMethod()
              .onClass(
                  (type, state) ->
                      type.toString().startsWith("com.google.common.collect.Immutable"))
              .named("copyOf"),
          staticMethod().onClassAny("java.lang.String", "java.util.Objects").withAnyName(),
          instanceMethod()
              .onDescendantOfAny("java.util.Collection", "java.util.Map")
              .namedAnyOf("addAll", "putAll", "containsAll", "removeAll", "retainAll", "equals"),
          instanceMethod()
              .onDescendantOfAny("java.lang.Appendable", "java.io.PrintStream")
              .withAnyName(),
          instanceMethod()
              .onDescendantOfAny(
                  "org.slf4j.Logger",
                  "java.util.logging.Logger",
                  "java.lang.System.Logger",
                  "org.apache.commons.logging.Log",
                  "org.apache.logging.log4j.Logger")
              .withAnyName());

  private final @Nullable VisitorState state;
  private final IdentityHashMap<VarSymbol, Accumulator> fields;
  private final Map<MethodSymbol, Phase> methodPhases;
  private final Map<MethodSymbol, List<CallSite>> callers;
  private final IdentityHashMap<VarSymbol, FieldFacts> resolved = new IdentityHashMap<>();

  private FieldGrowth(
      @Nullable VisitorState state,
      IdentityHashMap<VarSymbol, Accumulator> fields,
      Map<MethodSymbol, Phase> methodPhases,
      Map<MethodSymbol, List<CallSite>> callers) {
    this.state = state;
    this.fields = fields;
    this.methodPhases = methodPhases;
    this.callers = callers;
  }

  /** Scans the top-level class at {@code topLevelClass} once. */
  public static FieldGrowth scan(TreePath topLevelClass, VisitorState state) {
    Scanner scanner = new Scanner(topLevelClass, state);
    scanner.scan(topLevelClass, Where.RUNTIME);
    return new FieldGrowth(state, scanner.fields, scanner.resolveMethodPhases(), scanner.callers);
  }

  /** What the class does with {@code field}. */
  public FieldFacts factsFor(VarSymbol field) {
    return resolved.computeIfAbsent(field, this::resolve);
  }

  private FieldFacts resolve(VarSymbol field) {
    Accumulator facts = fields.get(field);
    if (facts == null || state == null) {
      return FieldFacts.NONE;
    }
    boolean isStatic = ASTHelpers.isStatic(field);
    ImmutableList.Builder<GrowthSite> runtimeGrowth = ImmutableList.builder();
    boolean growsForCallersInTheModule = false;
    for (Growth growth : facts.growth) {
      Optional<GrowthSite> site = atRunTime(field, growth, isStatic);
      if (site.isPresent()) {
        runtimeGrowth.add(site.get());
        growsForCallersInTheModule |= site.get().reach() == Callers.Reach.RUNTIME;
      }
    }
    boolean shrunk = false;
    for (Shrink shrink : facts.shrinks) {
      if (phaseOf(shrink.where()) == Phase.SHUTDOWN) {
        continue; // bounds nothing while the application runs
      }
      Callers.Reach reach = Callers.of(shrink.path(), state);
      if (reach == Callers.Reach.START_UP
          || reach == Callers.Reach.UNCALLED
          || (reach == Callers.Reach.EXTERNAL
              && growsForCallersInTheModule
              && ManualRemovals.onlyByHand(shrink.path(), state))) {
        continue; // never runs, or only by hand while the module's own code keeps adding
      }
      shrunk = true;
      break;
    }
    boolean reassignedAtRuntime =
        facts.assignments.stream().anyMatch(where -> runsRepeatedly(phaseOf(where), isStatic));
    boolean writtenAfterInitialization =
        facts.growth.stream().anyMatch(growth -> runsRepeatedly(phaseOf(growth.where()), isStatic));
    return new FieldFacts(
        ImmutableList.copyOf(facts.values),
        runtimeGrowth.build(),
        writtenAfterInitialization,
        shrunk,
        reassignedAtRuntime,
        facts.escapes);
  }

  /** The growth site, when it adds to the field at run time on behalf of traffic or data. */
  private Optional<GrowthSite> atRunTime(VarSymbol field, Growth growth, boolean isStatic) {
    if (growth.exempt()
        || !runsRepeatedly(phaseOf(growth.where()), isStatic)
        || guardedThroughCallers(growth.where().pendingMethod(), new HashSet<>())) {
      return Optional.empty();
    }
    if (growth.key() != null && hasKeys(field) && KeyDomains.isClosed(growth.key(), state)) {
      return Optional.empty(); // as many entries as the code names
    }
    Callers.Reach reach = Callers.of(growth.path(), state);
    switch (reach) {
      case START_UP, UNCALLED -> {
        return Optional.empty();
      }
      case EXTERNAL, UNKNOWN -> {
        MethodSymbol method = enclosingMethod(growth.path());
        if (growth.withoutLookup()
            || (method != null && (Callers.hasSetUpName(method) || isDeprecated(method)))) {
          // An index or registry API, or set-up or deprecated code: what it holds is up to
          // callers outside the module.
          return Optional.empty();
        }
      }
      default -> {}
    }
    GrowthSite site = growth.site();
    return Optional.of(
        new GrowthSite(
            site.site(), site.path(), site.operation(), site.location(), site.line(), reach));
  }

  private boolean isDeprecated(MethodSymbol method) {
    return ASTHelpers.hasAnnotation(method, "java.lang.Deprecated", state)
        || ASTHelpers.hasAnnotation(method.enclClass(), "java.lang.Deprecated", state);
  }

  /** Maps and sets hold each key once; lists and queues keep duplicates. */
  private boolean hasKeys(VarSymbol field) {
    Type type = CollectionValues.heldCollectionType(field.type, state);
    return type != null
        && (CollectionValues.isMap(type, state)
            || ASTHelpers.isSubtype(
                state.getTypes().erasure(type), state.getTypeFromString("java.util.Set"), state));
  }

  /**
   * Whether every call of the class-internal {@code method} in the class is made where a size
   * comparison guards it (or from methods that are), so that what it adds is bounded by the guard.
   */
  private boolean guardedThroughCallers(@Nullable MethodSymbol method, Set<MethodSymbol> seen) {
    if (method == null || !seen.add(method)) {
      return false;
    }
    List<CallSite> sites = callers.getOrDefault(method, List.of());
    if (sites.isEmpty()) {
      return false;
    }
    for (CallSite site : sites) {
      if (!site.sizeGuarded() && !guardedThroughCallers(site.where().pendingMethod(), seen)) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable MethodSymbol enclosingMethod(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree method) {
        return ASTHelpers.getSymbol(method);
      }
      if (p.getLeaf() instanceof LambdaExpressionTree) {
        return null;
      }
    }
    return null;
  }

  private Phase phaseOf(Where where) {
    return where.pendingMethod() == null
        ? where.phase()
        : methodPhases.getOrDefault(where.pendingMethod(), Phase.RUNTIME);
  }

  /** Static state is filled once by per-class code; instance state by per-object code too. */
  private static boolean runsRepeatedly(Phase phase, boolean staticField) {
    return phase == Phase.RUNTIME || (staticField && phase == Phase.OBJECT_INIT);
  }

  private static @Nullable TreePath topLevelClass(TreePath path) {
    TreePath topLevel = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree
          && p.getParentPath() != null
          && p.getParentPath().getLeaf() instanceof CompilationUnitTree) {
        topLevel = p;
      }
    }
    return topLevel;
  }

  /** Where code runs: a fixed phase, or a private method whose phase its callers decide. */
  private record Where(Phase phase, @Nullable MethodSymbol pendingMethod) {
    static final Where RUNTIME = new Where(Phase.RUNTIME, null);

    static Where of(Phase phase) {
      return new Where(phase, null);
    }
  }

  /**
   * An add: the site, when it runs, whether it is exempt by its shape alone (a one-time fill, a
   * size guard), its key, and whether it stores without looking anything up (an index, a registry).
   */
  private record Growth(
      GrowthSite site,
      TreePath path,
      Where where,
      boolean exempt,
      @Nullable TreePath key,
      boolean withoutLookup) {}

  /** A removal and when it runs. */
  private record Shrink(Where where, TreePath path) {}

  /** A call of a class-internal method: when it runs, and whether a size comparison guards it. */
  private record CallSite(Where where, boolean sizeGuarded) {}

  private static final class Accumulator {
    final List<ExpressionTree> values = new ArrayList<>();
    final List<Where> assignments = new ArrayList<>();
    final List<Growth> growth = new ArrayList<>();
    final List<Shrink> shrinks = new ArrayList<>();
    boolean escapes;
  }

  private static final class Scanner extends TreePathScanner<Void, Where> {
    private final VisitorState state;
    private final ClassSymbol topLevel;
    private final CompilationUnitTree compilationUnit;
    private final IdentityHashMap<VarSymbol, Accumulator> fields = new IdentityHashMap<>();
    private final IdentityHashMap<Symbol, Boolean> tracked = new IdentityHashMap<>();
    private final Map<MethodSymbol, List<CallSite>> callers = new HashMap<>();
    private final List<MethodSymbol> pendingMethods = new ArrayList<>();

    Scanner(TreePath topLevelClass, VisitorState state) {
      this.state = state;
      this.topLevel = ASTHelpers.getSymbol((ClassTree) topLevelClass.getLeaf());
      this.compilationUnit = topLevelClass.getCompilationUnit();
    }

    // ---- where code runs ----

    @Override
    public Void visitClass(ClassTree node, Where enclosing) {
      ClassSymbol symbol = ASTHelpers.getSymbol(node);
      boolean member =
          !symbol.isAnonymous()
              && (symbol.owner instanceof ClassSymbol
                  || symbol.owner instanceof Symbol.PackageSymbol);
      boolean singleton = Lifetimes.singletonKind(symbol, state).isPresent();
      // Initializers of anonymous and local classes run where the class is instantiated.
      Where instanceInit =
          member ? Where.of(singleton ? Phase.SINGLETON_INIT : Phase.OBJECT_INIT) : enclosing;
      for (Tree memberTree : node.getMembers()) {
        Where where;
        if (memberTree instanceof MethodTree method) {
          where =
              member ? phaseOfMethod(ASTHelpers.getSymbol(method), instanceInit) : Where.RUNTIME;
        } else if (memberTree instanceof BlockTree block) {
          where = block.isStatic() ? Where.of(Phase.STATIC_INIT) : instanceInit;
        } else if (memberTree instanceof VariableTree variable) {
          where =
              variable.getModifiers().getFlags().contains(Modifier.STATIC)
                  ? Where.of(Phase.STATIC_INIT)
                  : instanceInit;
        } else {
          where = Where.RUNTIME;
        }
        scan(memberTree, where);
      }
      return null;
    }

    private Where phaseOfMethod(MethodSymbol method, Where instanceInit) {
      if (method.isConstructor()) {
        return instanceInit;
      }
      if (LifecycleMethods.isShutdown(method, state)) {
        return Where.of(Phase.SHUTDOWN);
      }
      if (StartUpMethods.isStartUp(method, state)) {
        return ASTHelpers.isStatic(method) ? Where.of(Phase.STATIC_INIT) : instanceInit;
      }
      if (isClassInternal(method)) {
        pendingMethods.add(method);
        return new Where(Phase.STATIC_INIT, method);
      }
      return Where.RUNTIME;
    }

    /**
     * Private and package-private methods: when all their callers in this class run at start-up, so
     * do they. (Package-private callers in other classes are not seen.)
     */
    private boolean isClassInternal(MethodSymbol method) {
      // Asked for every call in the class: the flags, not a modifier set built per call.
      return (method.flags() & (Flags.PUBLIC | Flags.PROTECTED)) == 0
          && topLevel.equals(ASTHelpers.outermostClass(method));
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree node, Where where) {
      return super.visitLambdaExpression(node, runsNow(getCurrentPath()) ? where : Where.RUNTIME);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree node, Where where) {
      recordCall(ASTHelpers.getSymbol(node), runsNow(getCurrentPath()) ? where : Where.RUNTIME);
      return super.visitMemberReference(node, where);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Where where) {
      recordCall(ASTHelpers.getSymbol(node), where);
      return super.visitMethodInvocation(node, where);
    }

    /** Remembers calls to class-internal methods: their callers decide when they run. */
    private void recordCall(@Nullable Symbol callee, Where where) {
      if (callee instanceof MethodSymbol method && isClassInternal(method)) {
        callers
            .computeIfAbsent(method, m -> new ArrayList<>())
            .add(new CallSite(where, SizeGuards.guards(getCurrentPath(), state)));
      }
    }

    /**
     * Whether a lambda or method reference at {@code path} runs during the call it is passed to.
     */
    private static boolean runsNow(TreePath path) {
      return Callers.runsNow(path.getParentPath());
    }

    Map<MethodSymbol, Phase> resolveMethodPhases() {
      Map<MethodSymbol, Phase> phases = new HashMap<>();
      for (MethodSymbol method : pendingMethods) {
        phases.put(method, callers.containsKey(method) ? Phase.STATIC_INIT : Phase.RUNTIME);
      }
      boolean changed = true;
      while (changed) {
        changed = false;
        for (MethodSymbol method : pendingMethods) {
          Phase phase = phases.get(method);
          for (CallSite site : callers.getOrDefault(method, List.of())) {
            Where caller = site.where();
            Phase callerPhase =
                caller.pendingMethod() == null
                    ? caller.phase()
                    : phases.getOrDefault(caller.pendingMethod(), Phase.RUNTIME);
            if (callerPhase.compareTo(phase) > 0) {
              phase = callerPhase;
            }
          }
          if (phase != phases.get(method)) {
            phases.put(method, phase);
            changed = true;
          }
        }
      }
      return phases;
    }

    // ---- what happens to the fields ----

    @Override
    public Void visitVariable(VariableTree node, Where where) {
      VarSymbol symbol = ASTHelpers.getSymbol(node);
      if (node.getInitializer() != null && isTracked(symbol)) {
        accumulator(symbol).values.add(node.getInitializer());
      }
      return super.visitVariable(node, where);
    }

    @Override
    public Void visitAssignment(AssignmentTree node, Where where) {
      Symbol target = ASTHelpers.getSymbol(node.getVariable());
      if (!isTracked(target)) {
        return super.visitAssignment(node, where);
      }
      Accumulator facts = accumulator((VarSymbol) target);
      facts.values.add(node.getExpression());
      facts.assignments.add(where);
      if (node.getVariable() instanceof MemberSelectTree select) {
        scan(select.getExpression(), where);
      }
      return scan(node.getExpression(), where);
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Where where) {
      Symbol symbol = ASTHelpers.getSymbol(node);
      if (isTracked(symbol)) {
        classifyUse((VarSymbol) symbol, getCurrentPath(), where);
      }
      return null;
    }

    @Override
    public Void visitMemberSelect(MemberSelectTree node, Where where) {
      Symbol symbol = ASTHelpers.getSymbol(node);
      if (isTracked(symbol)) {
        classifyUse((VarSymbol) symbol, getCurrentPath(), where);
      }
      return super.visitMemberSelect(node, where);
    }

    private boolean isTracked(@Nullable Symbol symbol) {
      if (!(symbol instanceof VarSymbol) || symbol.getKind() != ElementKind.FIELD) {
        return false;
      }
      return tracked.computeIfAbsent(
          symbol,
          s ->
              topLevel.equals(ASTHelpers.outermostClass(s))
                  && CollectionValues.heldCollectionType(s.type, state) != null);
    }

    private Accumulator accumulator(VarSymbol field) {
      return fields.computeIfAbsent(field, f -> new Accumulator());
    }

    private void classifyUse(VarSymbol field, TreePath occurrence, Where where) {
      Accumulator facts = accumulator(field);
      if (CollectionValues.isThreadLocal(field.type, state)) {
        classifyThreadLocalUse(field, facts, occurrence, where);
        return;
      }
      classifyCollectionUse(field, facts, occurrence, where);
    }

    /**
     * A {@code ThreadLocal} holding a collection: {@code field.get()} is the collection (of the
     * current thread), {@code field.remove()} drops it, {@code field.set(...)} replaces it.
     */
    private void classifyThreadLocalUse(
        VarSymbol field, Accumulator facts, TreePath occurrence, Where where) {
      TreePath path = skipParentheses(occurrence);
      if (path.getLeaf() instanceof MemberSelectTree select
          && path.getParentPath().getLeaf() instanceof MethodInvocationTree call
          && call.getMethodSelect() == select) {
        TreePath callPath = path.getParentPath();
        switch (select.getIdentifier().toString()) {
          case "get" -> classifyCollectionUse(field, facts, callPath, where);
          case "remove" -> facts.shrinks.add(new Shrink(where, callPath));
          case "set" -> facts.assignments.add(where);
          default -> {}
        }
        return;
      }
      if (!(path.getLeaf() instanceof VariableTree)
          && !(path.getLeaf() instanceof AssignmentTree)) {
        return;
      }
      facts.escapes = true; // the holder handed on: whoever gets it may reset it
    }

    /** The first ancestor of {@code occurrence} that is not a parenthesis or a cast. */
    private static TreePath skipParentheses(TreePath occurrence) {
      TreePath path = occurrence.getParentPath();
      while (path.getLeaf() instanceof ParenthesizedTree
          || path.getLeaf() instanceof TypeCastTree) {
        path = path.getParentPath();
      }
      return path;
    }

    /** A use of the collection at {@code occurrence}: the field itself, or a holder's value. */
    private void classifyCollectionUse(
        VarSymbol field, Accumulator facts, TreePath occurrence, Where where) {
      Tree child = occurrence.getLeaf();
      TreePath path = occurrence.getParentPath();
      while (path.getLeaf() instanceof ParenthesizedTree
          || path.getLeaf() instanceof TypeCastTree) {
        child = path.getLeaf();
        path = path.getParentPath();
      }
      Tree parent = path.getLeaf();
      if (parent instanceof MemberSelectTree select) {
        TreePath callPath = path.getParentPath();
        if (callPath.getLeaf() instanceof MethodInvocationTree call
            && call.getMethodSelect() == select) {
          onCall(field, facts, select.getIdentifier().toString(), callPath, where);
        }
      } else if (parent instanceof MemberReferenceTree reference) {
        String name = reference.getName().toString();
        Where referenceWhere = runsNow(path) ? where : Where.RUNTIME;
        if (GROWTH.contains(name)) {
          facts.growth.add(growth(field, reference, name, null, path, referenceWhere));
        } else if (CollectionMethods.REMOVING.contains(name)) {
          facts.shrinks.add(new Shrink(referenceWhere, path));
        }
      } else if (parent instanceof MethodInvocationTree call) {
        if (COLLECTIONS_ADD_ALL.matches(call, state) && call.getArguments().get(0) == child) {
          facts.growth.add(growth(field, call, "Collections.addAll", null, path, where));
        } else if (!READS_ARGUMENT.matches(call, state)) {
          facts.escapes = true;
        }
      } else if (parent instanceof NewClassTree newClass) {
        if (!isCollectionCopy(newClass)) {
          facts.escapes = true;
        }
      } else if (parent instanceof ReturnTree
          || parent instanceof LambdaExpressionTree
          || parent instanceof VariableTree
          || parent instanceof AssignmentTree
          || parent instanceof NewArrayTree) {
        facts.escapes = true; // handed to code that may remove from it
      }
    }

    private void onCall(
        VarSymbol field, Accumulator facts, String name, TreePath callPath, Where where) {
      MethodInvocationTree call = (MethodInvocationTree) callPath.getLeaf();
      if (GROWTH.contains(name)) {
        ExpressionTree key = call.getArguments().isEmpty() ? null : call.getArguments().get(0);
        facts.growth.add(growth(field, call, name, key, callPath, where));
        // compute/merge remove the entry when the function returns null
        if ((name.equals("compute") || name.equals("merge"))
            && call.getArguments().stream().anyMatch(CollectionUses::canReturnNull)) {
          facts.shrinks.add(new Shrink(where, callPath));
        }
      } else if (CollectionMethods.REMOVING.contains(name)) {
        facts.shrinks.add(new Shrink(where, callPath));
      } else if (CollectionMethods.VIEWS.contains(name)) {
        followView(facts, callPath, where);
      }
    }

    /** Removal through {@code field.keySet()}, {@code field.values().iterator()}, ... */
    private void followView(Accumulator facts, TreePath viewPath, Where where) {
      TreePath path = viewPath.getParentPath();
      while (path.getLeaf() instanceof ParenthesizedTree) {
        path = path.getParentPath();
      }
      Tree parent = path.getLeaf();
      if (parent instanceof MemberSelectTree select
          && path.getParentPath().getLeaf() instanceof MethodInvocationTree call
          && call.getMethodSelect() == select) {
        String name = select.getIdentifier().toString();
        if (CollectionMethods.REMOVING.contains(name)) {
          facts.shrinks.add(new Shrink(where, path.getParentPath()));
        } else if (CollectionMethods.VIEWS.contains(name)) {
          followView(facts, path.getParentPath(), where);
        }
      } else if (parent instanceof VariableTree local) {
        if (CollectionUses.localIsShrunk(ASTHelpers.getSymbol(local), path)) {
          facts.shrinks.add(new Shrink(where, path));
        }
      } else if (parent instanceof AssignmentTree assignment) {
        Symbol local = ASTHelpers.getSymbol(assignment.getVariable());
        if (local != null && CollectionUses.localIsShrunk(local, path)) {
          facts.shrinks.add(new Shrink(where, path));
        }
      } else if (parent instanceof MethodInvocationTree call) {
        facts.escapes |= !READS_ARGUMENT.matches(call, state);
      } else if (parent instanceof ReturnTree) {
        facts.escapes = true;
      }
    }

    private Growth growth(
        VarSymbol field,
        Tree site,
        String operation,
        @Nullable ExpressionTree key,
        TreePath path,
        Where where) {
      boolean keyed = key != null && KEYED_GROWTH.contains(operation);
      boolean exempt = CollectionUses.isFillOnce(field, path) || SizeGuards.guards(path, state);
      long line = compilationUnit.getLineMap().getLineNumber(ASTHelpers.getStartPosition(site));
      return new Growth(
          new GrowthSite(
              site, path, operation, CollectionUses.location(path), line, Callers.Reach.UNKNOWN),
          path,
          where,
          exempt,
          keyed ? new TreePath(path, key) : null,
          storesWithoutLookup(field, operation, path));
    }

    /**
     * Whether the add stores without looking anything up first: an index or a registry filled by
     * its callers ({@code handlers.put(name, handler)}, {@code tasks.add(task)}), not a cache,
     * which looks a key up ({@code get}, {@code containsKey}, {@code computeIfAbsent}, a set's
     * {@code add} whose answer is used) and stores what it computed when the key is missing.
     */
    private boolean storesWithoutLookup(VarSymbol field, String operation, TreePath path) {
      if (!PLAIN_INSERTS.contains(operation)) {
        return false;
      }
      if (path.getLeaf() instanceof MemberReferenceTree) {
        return true; // items.forEach(seen::add)
      }
      if (!(path.getParentPath().getLeaf() instanceof ExpressionStatementTree)) {
        return false; // if (seen.add(id)): a lookup too
      }
      return !CollectionUses.isLookedUpBefore(field, path);
    }

    private boolean isCollectionCopy(NewClassTree newClass) {
      Type type = ASTHelpers.getType(newClass.getIdentifier());
      return type != null && CollectionValues.isMapOrCollection(type, state);
    }
  }
}
