package io.oomguard.checker;

import static com.google.common.truth.Truth.assertThat;
import static com.google.errorprone.matchers.method.MethodMatchers.constructor;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.predicates.TypePredicates;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.BasicJavacTask;
import com.sun.tools.javac.util.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

final class MethodNameFilterTest {
  @Test
  void registeredNamesAndPatternsPass_othersDoNot() {
    MethodNameFilter filter = new MethodNameFilter();
    assertThat(filter.name("readAllBytes")).isEqualTo("readAllBytes");
    assertThat(filter.names("toString", "toByteArray"))
        .asList()
        .containsExactly("toString", "toByteArray");
    assertThat(filter.names(List.of("get"))).containsExactly("get");
    assertThat(filter.prefix("new").pattern()).isEqualTo("\\Qnew\\E.*");
    filter.freeze();

    assertThat(filter.mayMatch("readAllBytes")).isTrue();
    assertThat(filter.mayMatch("toByteArray")).isTrue();
    assertThat(filter.mayMatch("get")).isTrue();
    assertThat(filter.mayMatch("newFixedThreadPool")).isTrue();
    assertThat(filter.mayMatch("append")).isFalse();
    assertThat(filter.mayMatch("renew")).isFalse();
    assertThat(filter.mayMatch("<init>")).isFalse();
  }

  @Test
  void constructorMatcher_letsSuperAndThisCallsThrough() {
    MethodNameFilter filter = new MethodNameFilter();
    assertThat(filter.constructor("java.util.Timer")).isEqualTo("java.util.Timer");
    filter.freeze();

    assertThat(filter.mayMatch("<init>")).isTrue();
  }

  @Test
  void freeze_joinsTheFiltersOfHelpers() {
    MethodNameFilter helper = new MethodNameFilter();
    helper.name("lines");
    helper.prefix("create");
    helper.freeze();
    MethodNameFilter owner = new MethodNameFilter();
    owner.name("readAllBytes");

    owner.freeze(helper);

    assertThat(owner.names()).containsExactly("readAllBytes", "lines");
    assertThat(owner.mayMatch("createPool")).isTrue();
    assertThat(helper.mayMatch("readAllBytes")).isFalse();
  }

  @Test
  void registeringAfterFreeze_fails() {
    MethodNameFilter filter = new MethodNameFilter().freeze();

    assertThrows(IllegalStateException.class, () -> filter.name("late"));
    assertThrows(IllegalStateException.class, () -> filter.prefix("late"));
    assertThrows(IllegalStateException.class, () -> filter.constructor("java.util.Timer"));
  }

  @Test
  void readingBeforeFreeze_orJoiningAnUnfrozenFilter_fails() {
    MethodNameFilter open = new MethodNameFilter();
    open.name("read");

    assertThrows(IllegalStateException.class, () -> open.mayMatch("read"));
    assertThrows(IllegalStateException.class, () -> new MethodNameFilter().freeze(open));
  }

  @Test
  void guard_testsTheNamesRegisteredSinceThePreviousGuard() throws IOException {
    MethodNameFilter filter = new MethodNameFilter();
    List<String> tried = new ArrayList<>();
    Matcher<ExpressionTree> reads =
        filter.guard(record(tried, "reads", filter.names("readAllBytes", "readNBytes")));
    Matcher<ExpressionTree> pools = filter.guard(record(tried, "pools", filter.prefix("new")));
    Matcher<ExpressionTree> timers =
        filter.guard(record(tried, "timers", filter.constructor("java.util.Timer")));
    filter.freeze();

    List<ExpressionTree> calls =
        calls(
            "class A extends java.util.Timer {",
            "  A() { super(\"t\"); }",
            "  void m(java.io.InputStream in, java.util.Map<String, String> map) throws Exception {",
            "    in.readAllBytes();",
            "    map.get(\"k\");",
            "    java.util.concurrent.Executors.newFixedThreadPool(2);",
            "    new java.util.Timer();",
            "  }",
            "}");
    // The filters keep their verdict per name in the compilation's context.
    VisitorState state = VisitorState.createForUtilityPurposes(lastContext);
    for (ExpressionTree call : calls) {
      reads.matches(call, state);
      pools.matches(call, state);
      timers.matches(call, state);
    }

    assertThat(tried)
        .containsExactly(
            "timers super", "reads in.readAllBytes", "pools newFixedThreadPool", "timers new")
        .inOrder();
  }

  @Test
  void guards_answerForTheirOwnNames_pastTheSixtyFourthFilterAndInEveryCompilation()
      throws IOException {
    // Each guard keeps its verdicts in a bit of its own; more than 64 work them out every time.
    int count = 70;
    MethodNameFilter filter = new MethodNameFilter();
    List<String> tried = new ArrayList<>();
    List<Matcher<ExpressionTree>> guards = new ArrayList<>();
    List<String> lines = new ArrayList<>(List.of("class A {", "  void all() {"));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      guards.add(filter.guard(record(tried, "m" + i, filter.name("m" + i))));
      lines.add("    m" + i + "(); m" + i + "(); other();");
      expected.add("m" + i + " m" + i);
      expected.add("m" + i + " m" + i);
    }
    filter.freeze();
    lines.add("  }");
    for (int i = 0; i < count; i++) {
      lines.add("  void m" + i + "() {}");
    }
    lines.add("  void other() {}");
    lines.add("}");

    for (int compilation = 0; compilation < 2; compilation++) {
      List<ExpressionTree> calls = calls(lines.toArray(String[]::new));
      VisitorState state = VisitorState.createForUtilityPurposes(lastContext);
      for (ExpressionTree call : calls) {
        for (Matcher<ExpressionTree> guard : guards) {
          guard.matches(call, state);
        }
      }

      assertThat(tried).containsExactlyElementsIn(expected).inOrder();
      tried.clear();
    }
  }

  @Test
  void constructorGuard_letsThroughTheCreationsOfItsClassesOnly_andAgreesWithTheMatcher()
      throws IOException {
    MethodNameFilter filter = new MethodNameFilter();
    List<String> tried = new ArrayList<>();
    Matcher<ExpressionTree> timer = constructor().forClass(filter.constructor("java.util.Timer"));
    Matcher<ExpressionTree> guardedTimer = filter.guard(recordTree(tried, "timer", timer));
    Matcher<ExpressionTree> pool =
        constructor()
            .forClass(
                filter.constructor(
                    TypePredicates.isDescendantOf("java.util.concurrent.ThreadPoolExecutor")));
    Matcher<ExpressionTree> guardedPool = filter.guard(recordTree(tried, "pool", pool));
    filter.freeze();

    List<ExpressionTree> creations =
        attributedCalls(
            "import java.util.concurrent.*;",
            "class A {",
            "  void m() {",
            "    new java.util.Timer();",
            "    new Object();",
            "    new ScheduledThreadPoolExecutor(1);",
            "    new StringBuilder();",
            "    new java.util.Timer() {};",
            "    new java.util.Timer(true);",
            "  }",
            "}");
    VisitorState state = VisitorState.createForUtilityPurposes(lastContext);
    // (javac's implicit super() calls are among the trees; constructor calls by name pass.)
    creations.removeIf(tree -> !(tree instanceof NewClassTree));
    for (ExpressionTree creation : creations) {
      // The filter turns away only what the matcher itself would not match.
      assertThat(guardedTimer.matches(creation, state)).isEqualTo(timer.matches(creation, state));
      assertThat(guardedPool.matches(creation, state)).isEqualTo(pool.matches(creation, state));
    }

    // An anonymous subclass is a class of its own, to the matcher and to the filter.
    assertThat(tried)
        .containsExactly(
            "timer new java.util.Timer()",
            "pool new ScheduledThreadPoolExecutor(1)",
            "timer new java.util.Timer(true)")
        .inOrder();
  }

  @Test
  void receiverGuard_letsThroughCallsOnItsReceiversOnly_andAgreesWithTheMatcher()
      throws IOException {
    MethodNameFilter filter = new MethodNameFilter();
    List<String> tried = new ArrayList<>();
    Matcher<ExpressionTree> mapGet =
        instanceMethod().onDescendantOf(filter.receiver("java.util.Map")).named(filter.name("get"));
    Matcher<ExpressionTree> guarded = filter.guard(recordTree(tried, "get", mapGet));
    filter.freeze();

    List<ExpressionTree> calls =
        attributedCalls(
            "import java.util.*;",
            "class A<M extends Map<String, String>> extends HashMap<String, String> {",
            "  void m(Map<String, String> map, List<String> list, M typed, Optional<String> o) {",
            "    map.get(\"k\");",
            "    list.get(0);",
            "    typed.get(\"k\");",
            "    o.get();",
            "    get(\"k\");",
            "    new TreeMap<String, String>().get(\"k\");",
            "    list.forEach(map::get);",
            "  }",
            "}");
    VisitorState state = VisitorState.createForUtilityPurposes(lastContext);
    calls.removeIf(tree -> !(tree instanceof MethodInvocationTree));
    for (ExpressionTree call : calls) {
      assertThat(guarded.matches(call, state)).isEqualTo(mapGet.matches(call, state));
    }

    // Each receiver class is judged once; the calls on other receivers never reach the matcher.
    assertThat(tried)
        .containsExactly(
            "get map.get(\"k\")",
            "get typed.get(\"k\")",
            "get get(\"k\")",
            "get new TreeMap<String, String>().get(\"k\")")
        .inOrder();
  }

  @Test
  void constructorGuard_judgesSuperCallsByTheClassTheyConstruct() throws IOException {
    MethodNameFilter filter = new MethodNameFilter();
    List<String> tried = new ArrayList<>();
    Matcher<ExpressionTree> timer = constructor().forClass(filter.constructor("java.util.Timer"));
    Matcher<ExpressionTree> guarded = filter.guard(recordTree(tried, "timer", timer));
    filter.freeze();

    List<ExpressionTree> calls =
        attributedCalls(
            "class A extends java.util.Timer {",
            "  A() { super(\"t\"); }",
            "  A(int i) { this(); }",
            "}",
            "class B {",
            "  B() { super(); }",
            "}");
    VisitorState state = VisitorState.createForUtilityPurposes(lastContext);
    for (ExpressionTree call : calls) {
      assertThat(guarded.matches(call, state)).isEqualTo(timer.matches(call, state));
    }

    assertThat(tried).containsExactly("timer super(\"t\")");
  }

  @Test
  void guard_withReceiversAndConstructors_fails() {
    MethodNameFilter filter = new MethodNameFilter();
    filter.receiver("java.util.Map");
    filter.constructor("java.util.HashMap");

    assertThrows(IllegalStateException.class, () -> filter.guard((tree, state) -> true));
  }

  /** {@code matcher}, recording the source of each tree that reaches it. */
  private static Matcher<ExpressionTree> recordTree(
      List<String> tried, String label, Matcher<ExpressionTree> matcher) {
    return (tree, state) -> {
      tried.add(label + " " + tree);
      return matcher.matches(tree, state);
    };
  }

  @Test
  void guard_ofAMatcherWithoutNames_fails() {
    MethodNameFilter filter = new MethodNameFilter();

    assertThrows(IllegalStateException.class, () -> filter.guard((tree, state) -> true));
  }

  /** A matcher that records which trees reach it, by the first word of their source. */
  private static Matcher<ExpressionTree> record(List<String> tried, String label, Object unused) {
    return (tree, state) -> {
      String source = tree.toString();
      String word =
          source.startsWith("java.util.concurrent.Executors.")
              ? "newFixedThreadPool"
              : source.split("[ (]")[0];
      tried.add(label + " " + word);
      return true;
    };
  }

  @Test
  void calledName_readsTheTreeLikeTheSymbol() throws IOException {
    List<String> names =
        calledNames(
            "class A extends Thread {",
            "  A() { this(1); }",
            "  A(int i) { super(\"name\"); }",
            "  void m(java.io.InputStream in) throws Exception {",
            "    in.readAllBytes();",
            "    start();",
            "    this.<String>generic();",
            "    java.util.concurrent.Executors.newFixedThreadPool(2);",
            "  }",
            "  <T> void generic() {}",
            "}");

    assertThat(names)
        .containsExactly(
            "<init>", "<init>", "readAllBytes", "start", "generic", "newFixedThreadPool")
        .inOrder();
  }

  @Test
  void index_answersForEverySetAtOnce_byNameAndByPrefix() {
    MethodNameFilter.Index index =
        MethodNameFilter.Index.EMPTY
            .with(ImmutableSet.of("get", "put"), ImmutableList.of(), 0b001)
            .with(ImmutableSet.of("get"), ImmutableList.of("new"), 0b010)
            .with(ImmutableSet.of("<init>"), ImmutableList.of("new", "read"), 0b100);

    assertThat(index.sets()).isEqualTo(0b111);
    assertThat(index.holding("get")).isEqualTo(0b011);
    assertThat(index.holding("put")).isEqualTo(0b001);
    assertThat(index.holding("newFixedThreadPool")).isEqualTo(0b110);
    assertThat(index.holding("readAllBytes")).isEqualTo(0b100);
    assertThat(index.holding("<init>")).isEqualTo(0b100);
    assertThat(index.holding("toString")).isEqualTo(0);
  }

  @Test
  void index_judgesForTheSetsItKnows_andLeavesLaterSetsToTheirOwnTest() {
    MethodNameFilter.Index before =
        MethodNameFilter.Index.EMPTY.with(ImmutableSet.of("get"), ImmutableList.of(), 0b01);
    MethodNameFilter.Index after = before.with(ImmutableSet.of("late"), ImmutableList.of(), 0b10);
    MethodNameFilter.Verdict late = new MethodNameFilter.Verdict("late");

    before.judge(late);
    assertThat(late.known).isEqualTo(0b01);
    assertThat(late.yes).isEqualTo(0);

    after.judge(late);
    assertThat(late.known).isEqualTo(0b11);
    assertThat(late.yes).isEqualTo(0b10);
  }

  @Test
  void guardMadeAfterANameWasJudged_stillLetsItsNameThrough() throws IOException {
    // Through the index or, once this JVM's sets are past 64, each set's own test.
    MethodNameFilter first = new MethodNameFilter();
    List<String> tried = new ArrayList<>();
    Matcher<ExpressionTree> early = first.guard(record(tried, "early", first.name("early")));
    first.freeze();
    List<ExpressionTree> calls =
        calls("class A {", "  void m() { late(); early(); }", "  void late() {}", "}");
    VisitorState state = VisitorState.createForUtilityPurposes(lastContext);
    for (ExpressionTree call : calls) {
      early.matches(call, state); // "late" now has verdicts, made before the second guard existed
    }

    MethodNameFilter second = new MethodNameFilter();
    Matcher<ExpressionTree> late = second.guard(record(tried, "late", second.name("late")));
    second.freeze();
    for (ExpressionTree call : calls) {
      late.matches(call, state);
    }

    assertThat(tried).containsExactly("early early", "late late").inOrder();
  }

  private static List<String> calledNames(String... lines) throws IOException {
    List<String> names = new ArrayList<>();
    for (ExpressionTree call : calls(lines)) {
      if (call instanceof MethodInvocationTree invocation) {
        names.add(MethodNameFilter.calledName(invocation));
      }
    }
    return names;
  }

  /** The javac context of the last {@link #calls} parse. */
  private static Context lastContext;

  /** The method calls and instance creations of a source file, parsed, in source order. */
  private static List<ExpressionTree> calls(String... lines) throws IOException {
    return calls(false, lines);
  }

  /** {@link #calls}, with the source attributed, so that the trees have their symbols. */
  private static List<ExpressionTree> attributedCalls(String... lines) throws IOException {
    return calls(true, lines);
  }

  private static List<ExpressionTree> calls(boolean attribute, String... lines) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    JavaFileObject source = StringSources.file(String.join("\n", lines));
    JavacTask task = (JavacTask) javac.getTask(null, null, null, null, null, List.of(source));
    lastContext = ((BasicJavacTask) task).getContext();
    List<ExpressionTree> calls = new ArrayList<>();
    Iterable<? extends CompilationUnitTree> units = task.parse();
    if (attribute) {
      task.analyze();
    }
    for (CompilationUnitTree unit : units) {
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          calls.add(call);
          return super.visitMethodInvocation(call, unused);
        }

        @Override
        public Void visitNewClass(NewClassTree creation, Void unused) {
          calls.add(creation);
          return super.visitNewClass(creation, unused);
        }
      }.scan(unit, null);
    }
    return calls;
  }
}
