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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import org.jspecify.annotations.Nullable;

/**
 * Per-class facts about map and collection fields: where each one grows, and whether anything in
 * the class shrinks or bounds it. Computed by one scan of the top-level class (see {@link
 * #ofEnclosingClass}).
 *
 * <p>Growth counts only when it happens at run time: code that runs once while the class or the
 * application starts (static and instance initializers, field initializers, constructors of
 * singletons, {@code @PostConstruct} and the other {@link LifecycleMethods start-up callbacks}, and
 * private methods called only from there) fills a table, it does not grow a cache. Set-up and
 * registration methods ({@code init*}, {@code set*}, {@code register*}, {@code add*Listener}), puts
 * under constant or enum keys, and fills guarded by {@code isEmpty()} are not growth either. Any
 * removal ({@code remove}, {@code clear}, {@code poll}, removal through a view or an iterator), a
 * size comparison, a reassignment at run time, or handing the field to code this class cannot see
 * counts as a bound.
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

  /** A call that adds to a field, for messages. */
  public record GrowthSite(Tree site, String operation, String location, long line) {}

  /** What the class does with one field. */
  public record FieldFacts(
      ImmutableList<ExpressionTree> values,
      ImmutableList<GrowthSite> runtimeGrowth,
      boolean shrunk,
      boolean sizeGuarded,
      boolean reassignedAtRuntime,
      boolean escapes) {
    static final FieldFacts NONE =
        new FieldFacts(ImmutableList.of(), ImmutableList.of(), false, false, false, false);

    /** Whether anything in the class removes entries or limits the size. */
    public boolean isBounded() {
      return shrunk || sizeGuarded || reassignedAtRuntime || escapes;
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
    return topLevel == null ? EMPTY : LAST_CLASS.get(topLevel, state, FieldGrowth::scanOrNothing);
  }

  private static FieldGrowth scanOrNothing(TreePath topLevelClass, VisitorState state) {
    try {
      return scan(topLevelClass, state);
    } catch (RuntimeException e) {
      Guard.recover(e, "the cache facts of a class", topLevelClass.getLeaf(), state);
      return new FieldGrowth(new IdentityHashMap<>(), Map.of()); // no facts, no finding
    }
  }

  private static final FieldGrowth EMPTY = new FieldGrowth(new IdentityHashMap<>(), Map.of());

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

  /** Calls that grow a map under their first argument as the key. */
  private static final ImmutableSet<String> KEYED_GROWTH =
      ImmutableSet.of("put", "putIfAbsent", "computeIfAbsent", "compute", "merge", "add", "offer");

  /** Calls that remove entries (computeIfPresent can only replace or remove). */
  static final ImmutableSet<String> SHRINK =
      ImmutableSet.of(
          "remove",
          "removeAll",
          "removeIf",
          "retainAll",
          "clear",
          "computeIfPresent",
          "poll",
          "pollFirst",
          "pollLast",
          "pollFirstEntry",
          "pollLastEntry",
          "take",
          "drainTo",
          "pop",
          "removeFirst",
          "removeLast",
          "removeFirstOccurrence",
          "removeLastOccurrence");

  /** Calls returning a live view: removing through it removes from the field. */
  private static final ImmutableSet<String> VIEWS =
      ImmutableSet.of(
          "keySet",
          "values",
          "entrySet",
          "navigableKeySet",
          "descendingKeySet",
          "descendingMap",
          "headMap",
          "tailMap",
          "subMap",
          "headSet",
          "tailSet",
          "subSet",
          "subList",
          "iterator",
          "listIterator",
          "descendingIterator",
          "sequencedKeySet",
          "sequencedValues",
          "sequencedEntrySet",
          "reversed");

  /**
   * Names of set-up and registration methods: configuration setters, {@code init*}, {@code
   * register*}, {@code add*Listener}. Their callers, usually start-up code, decide what is kept.
   */
  private static final Pattern SETUP_METHOD =
      Pattern.compile(
          "(register|subscribe|init|initiali[sz]e|setup|setUp|configure)(\\p{Lu}\\w*)?"
              + "|set\\p{Lu}\\w*"
              + "|add\\w*(Listener|Handler|Hook|Callback|Observer|Interceptor|Plugin)s?");

  /** {@link #SETUP_METHOD}'s answers, once per method name and compilation. */
  private static boolean isSetUpName(Name name, VisitorState state) {
    return SETUP_METHOD.matcher(name.toString()).matches();
  }

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

  private final IdentityHashMap<VarSymbol, Accumulator> fields;
  private final Map<MethodSymbol, Phase> methodPhases;
  private final IdentityHashMap<VarSymbol, FieldFacts> resolved = new IdentityHashMap<>();

  private FieldGrowth(
      IdentityHashMap<VarSymbol, Accumulator> fields, Map<MethodSymbol, Phase> methodPhases) {
    this.fields = fields;
    this.methodPhases = methodPhases;
  }

  /** Scans the top-level class at {@code topLevelClass} once. */
  public static FieldGrowth scan(TreePath topLevelClass, VisitorState state) {
    Scanner scanner = new Scanner(topLevelClass, state);
    scanner.scan(topLevelClass, Where.RUNTIME);
    return new FieldGrowth(scanner.fields, scanner.resolveMethodPhases());
  }

  /** What the class does with {@code field}. */
  public FieldFacts factsFor(VarSymbol field) {
    return resolved.computeIfAbsent(field, this::resolve);
  }

  private FieldFacts resolve(VarSymbol field) {
    Accumulator facts = fields.get(field);
    if (facts == null) {
      return FieldFacts.NONE;
    }
    boolean isStatic = ASTHelpers.isStatic(field);
    ImmutableList<GrowthSite> runtimeGrowth =
        facts.growth.stream()
            .filter(growth -> !growth.exempt() && runsRepeatedly(phaseOf(growth.where()), isStatic))
            .map(Growth::site)
            .collect(ImmutableList.toImmutableList());
    boolean reassignedAtRuntime =
        facts.assignments.stream().anyMatch(where -> runsRepeatedly(phaseOf(where), isStatic));
    return new FieldFacts(
        ImmutableList.copyOf(facts.values),
        runtimeGrowth,
        facts.shrinks.stream().anyMatch(where -> phaseOf(where) != Phase.SHUTDOWN),
        facts.sizeGuarded,
        reassignedAtRuntime,
        facts.escapes);
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

  private record Growth(GrowthSite site, Where where, boolean exempt) {}

  private static final class Accumulator {
    final List<ExpressionTree> values = new ArrayList<>();
    final List<Where> assignments = new ArrayList<>();
    final List<Growth> growth = new ArrayList<>();
    final List<Where> shrinks = new ArrayList<>();
    boolean sizeGuarded;
    boolean escapes;
  }

  private static final class Scanner extends TreePathScanner<Void, Where> {
    private final VisitorState state;
    private final ClassSymbol topLevel;
    private final CompilationUnitTree compilationUnit;
    private final IdentityHashMap<VarSymbol, Accumulator> fields = new IdentityHashMap<>();
    private final IdentityHashMap<Symbol, Boolean> tracked = new IdentityHashMap<>();
    private final Map<MethodSymbol, List<Where>> callers = new HashMap<>();
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
      if (StartUpMethods.isStartUp(method, state) || isSetUpName(method.getSimpleName(), state)) {
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
        callers.computeIfAbsent(method, m -> new ArrayList<>()).add(where);
      }
    }

    /**
     * Whether a lambda or method reference at {@code path} runs during the call it is passed to:
     * the iteration and computation methods of {@code java.util} and streams do; callbacks handed
     * to executors, listeners or schedulers run later.
     */
    private boolean runsNow(TreePath path) {
      Tree parent = path.getParentPath().getLeaf();
      if (!(parent instanceof MethodInvocationTree call)) {
        return false;
      }
      MethodSymbol method = ASTHelpers.getSymbol(call);
      if (method == null || !(method.owner instanceof ClassSymbol owner)) {
        return false;
      }
      String packageName = owner.packge().getQualifiedName().toString();
      return packageName.equals("java.util")
          || packageName.equals("java.util.stream")
          || owner.getQualifiedName().contentEquals("java.lang.Iterable");
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
          for (Where caller : callers.getOrDefault(method, List.of())) {
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
                  && CollectionValues.isMapOrCollection(s.type, state));
    }

    private Accumulator accumulator(VarSymbol field) {
      return fields.computeIfAbsent(field, f -> new Accumulator());
    }

    private void classifyUse(VarSymbol field, TreePath occurrence, Where where) {
      Accumulator facts = accumulator(field);
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
        } else if (SHRINK.contains(name)) {
          facts.shrinks.add(referenceWhere);
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
          facts.shrinks.add(where);
        }
      } else if (SHRINK.contains(name)) {
        facts.shrinks.add(where);
      } else if (name.equals("size")) {
        facts.sizeGuarded |= CollectionUses.isSizeGuard(callPath);
      } else if (VIEWS.contains(name)) {
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
        if (SHRINK.contains(name)) {
          facts.shrinks.add(where);
        } else if (name.equals("size")) {
          facts.sizeGuarded |= CollectionUses.isSizeGuard(path.getParentPath());
        } else if (VIEWS.contains(name)) {
          followView(facts, path.getParentPath(), where);
        }
      } else if (parent instanceof VariableTree local) {
        if (CollectionUses.localIsShrunk(ASTHelpers.getSymbol(local), path)) {
          facts.shrinks.add(where);
        }
      } else if (parent instanceof AssignmentTree assignment) {
        Symbol local = ASTHelpers.getSymbol(assignment.getVariable());
        if (local != null && CollectionUses.localIsShrunk(local, path)) {
          facts.shrinks.add(where);
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
      boolean exempt =
          (key != null && KEYED_GROWTH.contains(operation) && isClosedKey(field, key))
              || CollectionUses.isFillOnce(field, path);
      long line = compilationUnit.getLineMap().getLineNumber(ASTHelpers.getStartPosition(site));
      return new Growth(
          new GrowthSite(site, operation, CollectionUses.location(path), line), where, exempt);
    }

    /** A constant, enum constant or class literal key: the map cannot outgrow its call sites. */
    private boolean isClosedKey(VarSymbol field, ExpressionTree key) {
      if (!CollectionValues.isMap(field.type, state)
          && !ASTHelpers.isSubtype(
              state.getTypes().erasure(field.type),
              state.getTypeFromString("java.util.Set"),
              state)) {
        return false; // lists and queues keep duplicates
      }
      ExpressionTree stripped = ASTHelpers.stripParentheses(key);
      if (ASTHelpers.constValue(stripped) != null) {
        return true;
      }
      if (stripped instanceof MemberSelectTree select
          && select.getIdentifier().contentEquals("class")) {
        return true;
      }
      Symbol symbol = ASTHelpers.getSymbol(stripped);
      return symbol != null && symbol.getKind() == ElementKind.ENUM_CONSTANT;
    }

    private boolean isCollectionCopy(NewClassTree newClass) {
      Type type = ASTHelpers.getType(newClass.getIdentifier());
      return type != null && CollectionValues.isMapOrCollection(type, state);
    }
  }
}
