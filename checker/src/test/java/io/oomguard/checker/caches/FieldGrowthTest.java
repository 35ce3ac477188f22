package io.oomguard.checker.caches;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import javax.lang.model.element.ElementKind;
import org.junit.jupiter.api.Test;

/** {@link FieldGrowth}: where fields grow, and what bounds them. */
public final class FieldGrowthTest {
  /** Reports the facts of every map or collection field. */
  @BugPattern(summary = "FieldGrowth probe", severity = WARNING)
  public static final class Probe extends BugChecker implements VariableTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchVariable(VariableTree tree, VisitorState state) {
      VarSymbol field = ASTHelpers.getSymbol(tree);
      if (field.getKind() != ElementKind.FIELD
          || !CollectionValues.isMapOrCollection(field.type, state)) {
        return Description.NO_MATCH;
      }
      FieldGrowth.FieldFacts facts = FieldGrowth.ofEnclosingClass(state).factsFor(field);
      StringBuilder summary = new StringBuilder("growth=");
      facts
          .runtimeGrowth()
          .forEach(
              site ->
                  summary
                      .append(site.operation())
                      .append('@')
                      .append(site.location())
                      .append(':')
                      .append(site.line())
                      .append(' '));
      summary
          .append("shrunk=")
          .append(facts.shrunk())
          .append(" reassigned=")
          .append(facts.reassignedAtRuntime())
          .append(" escapes=")
          .append(facts.escapes());
      return buildDescription(tree).setMessage(summary.toString()).build();
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Probe.class, getClass());

  @Test
  void initializationIsNotGrowth() {
    helper
        .addSourceLines(
            "Table.java",
            "import java.util.*;",
            "class Table {",
            "  // BUG: Diagnostic contains: growth=shrunk=false",
            "  static final Map<String, String> STATIC = new HashMap<>();",
            "  // BUG: Diagnostic contains: growth=shrunk=false",
            "  final List<String> instance = new ArrayList<>(List.of(\"a\"));",
            "  static { STATIC.put(\"a\", \"b\"); load(); }",
            "  { instance.add(\"b\"); }",
            "  Table() { instance.add(\"c\"); fill(); }",
            "  private static void load() { STATIC.put(\"c\", \"d\"); }",
            "  private void fill() { List.of(\"x\").forEach(instance::add); }",
            "}")
        .doTest();
  }

  @Test
  void runtimeGrowthNamesMethodAndLine() {
    helper
        .addSourceLines(
            "Memo.java",
            "import java.util.*;",
            "class Memo {",
            "  // BUG: Diagnostic contains: growth=computeIfAbsent@`Memo.get`:5 put@`Memo.helper`:6",
            "  static final Map<String, String> CACHE = new HashMap<>();",
            "  String get(String k) { return CACHE.computeIfAbsent(k, String::trim); }",
            "  private void helper(String k) { CACHE.put(k, k.trim()); }",
            "  @io.oomguard.annotations.HotPath void run(String k) { helper(k); }",
            "}")
        .doTest();
  }

  @Test
  void privateMethodCalledFromRuntimeCodeIsRuntime_evenIfAlsoFromInit() {
    helper
        .addSourceLines(
            "Both.java",
            "import java.util.*;",
            "class Both {",
            "  // BUG: Diagnostic contains: growth=add@`Both.remember`",
            "  static final Set<String> SEEN = new HashSet<>();",
            "  static { remember(\"boot\"); }",
            "  private static void remember(String s) { SEEN.add(s.trim()); }",
            "  @io.oomguard.annotations.HotPath void onEvent(String s) { remember(s); }",
            "}")
        .doTest();
  }

  @Test
  void constructorOfOrdinaryClassGrowsStaticField_butNotOfSingleton() {
    helper
        .addSourceLines(
            "Instances.java",
            "import java.util.*;",
            "class Instances {",
            "  // BUG: Diagnostic contains: growth=add@the constructor of `Instances`",
            "  static final List<Object> ALL = new ArrayList<>();",
            "  Instances() { ALL.add(this); }",
            "  @io.oomguard.annotations.HotPath Instances make() { return new Instances(); }",
            "  @jakarta.inject.Singleton",
            "  static class One {",
            "    // BUG: Diagnostic contains: growth=shrunk=false",
            "    static final List<Object> MINE = new ArrayList<>();",
            "    One() { MINE.add(\"x\"); }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void deferredLambdaInConstructorRunsLater() {
    helper
        .addSourceLines(
            "Subscriber.java",
            "import java.util.*;",
            "import java.util.function.Consumer;",
            "class Subscriber {",
            "  // BUG: Diagnostic contains: growth=add@the constructor of `Subscriber`",
            "  final Set<String> seen = new HashSet<>();",
            "  Subscriber(List<Consumer<Consumer<String>>> bus) {",
            "    bus.get(0).accept(id -> seen.add(id));",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void startupCallbacksAreInitialization() {
    helper
        .addSourceLines(
            "Boot.java",
            "import java.util.*;",
            "import jakarta.annotation.PostConstruct;",
            "class Boot {",
            "  // BUG: Diagnostic contains: growth=shrunk=false",
            "  final Map<String, Integer> codes = new HashMap<>();",
            "  @PostConstruct void init() { codes.put(\"a\", 1); }",
            "  public static void main(String[] args) { STATIC.add(args[0]); }",
            "  // BUG: Diagnostic contains: growth=shrunk=false",
            "  static final List<String> STATIC = new ArrayList<>();",
            "}")
        .doTest();
  }

  @Test
  void removalThroughViewsIteratorsAndComputeCounts() {
    helper
        .addSourceLines(
            "Evict.java",
            "import java.util.*;",
            "class Evict {",
            "  // BUG: Diagnostic contains: shrunk=true",
            "  static final Map<String, Long> A = new HashMap<>();",
            "  // BUG: Diagnostic contains: shrunk=true",
            "  static final Map<String, Long> B = new HashMap<>();",
            "  // BUG: Diagnostic contains: shrunk=true",
            "  static final Map<String, Integer> C = new HashMap<>();",
            "  // BUG: Diagnostic contains: shrunk=true",
            "  static final Deque<String> D = new ArrayDeque<>();",
            "  // BUG: Diagnostic contains: shrunk=false",
            "  static final Map<String, Integer> E = new HashMap<>();",
            "  void grow(String k) { A.put(k, 1L); B.put(k, 2L); C.merge(k, 1, Integer::sum);",
            "    D.push(k); E.compute(k, (key, v) -> v == null ? 1 : v + 1); }",
            "  void sweep() {",
            "    A.entrySet().removeIf(e -> e.getValue() > 0);",
            "    for (Iterator<Long> it = B.values().iterator(); it.hasNext(); ) {",
            "      if (it.next() > 1) { it.remove(); }",
            "    }",
            "    C.compute(\"k\", (key, v) -> v == null || v == 1 ? null : v - 1);",
            "    D.pollLast();",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void sizeComparisonsBeforeTheAddAreGuards_butEmptinessAndLaterChecksAreNot() {
    helper
        .addSourceLines(
            "Guard.java",
            "import java.util.*;",
            "class Guard {",
            "  // BUG: Diagnostic contains: growth=shrunk",
            "  static final Map<String, String> A = new HashMap<>();",
            "  // BUG: Diagnostic contains: growth=shrunk",
            "  static final List<String> B = new ArrayList<>();",
            "  // BUG: Diagnostic contains: growth=add@`Guard.putC`:19",
            "  static final Set<String> C = new HashSet<>();",
            "  // BUG: Diagnostic contains: growth=add@`Guard.putD`:23",
            "  static final Set<String> D = new HashSet<>();",
            "  public void put(String k) {",
            "    if (A.size() < 100) { A.put(k, k.trim()); }",
            "    int n = B.size();",
            "    if (n >= 50) { return; }",
            "    B.add(k.trim());",
            "  }",
            "  @io.oomguard.annotations.HotPath",
            "  public void putC(String k) {",
            "    if (C.size() > 0) { C.add(k.trim()); }",
            "  }",
            "  @io.oomguard.annotations.HotPath",
            "  public void putD(String k) {",
            "    D.add(k.trim());",
            "    if (D.size() > 100) { System.out.println(\"too many\"); }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void aSizeGuardAroundEveryCallOfAPrivateAdderBoundsIt() {
    helper
        .addSourceLines(
            "Dedup.java",
            "import java.util.*;",
            "class Dedup {",
            "  // BUG: Diagnostic contains: growth=shrunk",
            "  static final Map<String, String> CACHE = new HashMap<>();",
            "  // BUG: Diagnostic contains: growth=shrunk",
            "  static final Map<String, String> INTERNED = new HashMap<>();",
            "  public static String of(String k) {",
            "    String value = k.trim();",
            "    if (CACHE.size() < 10_000) {",
            "      value = intern(value);",
            "      CACHE.put(k, value);",
            "    }",
            "    return value;",
            "  }",
            "  private static String intern(String v) { return INTERNED.computeIfAbsent(v, x -> x); }",
            "}")
        .doTest();
  }

  @Test
  void reassignmentAtRuntimeAndEscapesBound() {
    helper
        .addSourceLines(
            "Swap.java",
            "import java.util.*;",
            "class Swap {",
            "  // BUG: Diagnostic contains: reassigned=true",
            "  static Map<String, String> snapshot = new HashMap<>();",
            "  // BUG: Diagnostic contains: escapes=true",
            "  static final Map<String, String> exposed = new HashMap<>();",
            "  // BUG: Diagnostic contains: escapes=false",
            "  static final Map<String, String> readOnly = new HashMap<>();",
            "  void refresh() { snapshot = new HashMap<>(); }",
            "  Map<String, String> exposed() { return exposed; }",
            "  Map<String, String> view() { return Collections.unmodifiableMap(readOnly); }",
            "  Map<String, String> copy() { return new HashMap<>(readOnly); }",
            "}")
        .doTest();
  }

  @Test
  void registrationConstantKeysAndFillOnceAreNotGrowth() {
    helper
        .addSourceLines(
            "Registry.java",
            "import java.util.*;",
            "class Registry {",
            "  // BUG: Diagnostic contains: growth=shrunk",
            "  static final Map<String, Runnable> HANDLERS = new HashMap<>();",
            "  // BUG: Diagnostic contains: growth=shrunk",
            "  static final Map<String, Boolean> FLAGS = new HashMap<>();",
            "  // BUG: Diagnostic contains: growth=shrunk",
            "  static final Map<String, String> NAMES = new HashMap<>();",
            "  // BUG: Diagnostic contains: growth=add@`Registry.log`",
            "  static final List<String> LOG = new ArrayList<>();",
            "  static void registerHandler(String name, Runnable r) { HANDLERS.put(name, r); }",
            "  static void defaults() { FLAGS.put(\"a\", true); }",
            "  static String name(String code) {",
            "    if (NAMES.isEmpty()) { NAMES.put(code, code); }",
            "    return NAMES.get(code);",
            "  }",
            "  static void log() { LOG.add(\"constant, but a list keeps duplicates\"); }",
            "  @io.oomguard.annotations.HotPath void handle() { log(); }",
            "}")
        .doTest();
  }

  @Test
  void setupMethodsByNameAndTheirPackagePrivateHelpersAreInitialization() {
    helper
        .addSourceLines(
            "Setup.java",
            "import java.util.*;",
            "class Setup {",
            "  // BUG: Diagnostic contains: growth=shrunk",
            "  static final Map<String, String> ALIASES = new HashMap<>();",
            "  // BUG: Diagnostic contains: growth=shrunk",
            "  final Set<String> paths = new HashSet<>();",
            "  // BUG: Diagnostic contains: growth=put@`Setup.lookup`",
            "  static final Map<String, String> USED_AT_RUNTIME = new HashMap<>();",
            "  static boolean initialized;",
            "  static void init() { alias(\"a\", \"b\"); initialized = true; }",
            "  static void alias(String a, String b) { ALIASES.put(a, b); }",
            "  public void setPaths(String csv) { paths.addAll(Arrays.asList(csv.split(\",\"))); }",
            "  @io.oomguard.annotations.HotPath String handle(String k) { return lookup(k); }",
            "  static String lookup(String k) {",
            "    if (!initialized) { init(); }",
            "    USED_AT_RUNTIME.put(k, k.trim());",
            "    return ALIASES.get(k);",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void removalAtShutdownBoundsNothing() {
    helper
        .addSourceLines(
            "Closing.java",
            "import java.util.*;",
            "class Closing implements AutoCloseable {",
            "  // BUG: Diagnostic contains: shrunk=false",
            "  final Map<String, String> cache = new HashMap<>();",
            "  // BUG: Diagnostic contains: shrunk=true",
            "  final Map<String, String> sessions = new HashMap<>();",
            "  void put(String k) { cache.put(k, k.trim()); sessions.put(k, k.trim()); }",
            "  void close(String session) { sessions.remove(session); }",
            "  @Override public void close() { cache.clear(); sessions.clear(); }",
            "}")
        .doTest();
  }
}
