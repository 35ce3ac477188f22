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
import com.sun.tools.javac.code.Type;
import org.junit.jupiter.api.Test;

/** {@link CollectionValues}: what a stored value is, and closed key domains. */
public final class CollectionValuesTest {
  /**
   * Reports the kind of every initialized map/collection variable and whether its keys are closed.
   */
  @BugPattern(summary = "CollectionValues probe", severity = WARNING)
  public static final class Probe extends BugChecker implements VariableTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchVariable(VariableTree tree, VisitorState state) {
      Type type = ASTHelpers.getType(tree);
      if (tree.getInitializer() == null
          || CollectionValues.heldCollectionType(type, state) == null) {
        return Description.NO_MATCH;
      }
      return buildDescription(tree)
          .setMessage(
              CollectionValues.classify(tree.getInitializer(), state)
                  + " closed="
                  + CollectionValues.hasClosedKeyDomain(type, state)
                  + " threadLocal="
                  + CollectionValues.isThreadLocal(type, state))
          .build();
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Probe.class, getClass());

  @Test
  void freshJdkAndGuavaCollectionsAreUnbounded() {
    helper
        .addSourceLines(
            "Fresh.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import com.google.common.collect.*;",
            "class Fresh {",
            "  // BUG: Diagnostic contains: UNBOUNDED closed=false",
            "  Map<String, String> a = new ConcurrentHashMap<>(64);",
            "  // BUG: Diagnostic contains: UNBOUNDED",
            "  Map<String, String> b = Collections.synchronizedMap(new HashMap<>());",
            "  // BUG: Diagnostic contains: UNBOUNDED",
            "  Set<String> c = ConcurrentHashMap.newKeySet();",
            "  // BUG: Diagnostic contains: UNBOUNDED",
            "  List<String> d = Lists.newArrayList();",
            "  // BUG: Diagnostic contains: UNBOUNDED",
            "  BlockingQueue<String> e = new LinkedBlockingQueue<>();",
            "  // BUG: Diagnostic contains: UNBOUNDED",
            "  Set<String> f = Collections.newSetFromMap(new ConcurrentHashMap<>());",
            "}")
        .doTest();
  }

  @Test
  void selfBoundedInjectedAndImmutableAreOther() {
    helper
        .addSourceLines(
            "Other.java",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import com.google.common.collect.*;",
            "class Other {",
            "  // BUG: Diagnostic contains: OTHER",
            "  Map<String, String> a = new WeakHashMap<>();",
            "  // BUG: Diagnostic contains: OTHER",
            "  BlockingQueue<String> b = new LinkedBlockingQueue<>(1_000);",
            "  // BUG: Diagnostic contains: OTHER",
            "  BlockingQueue<String> c = new ArrayBlockingQueue<>(10);",
            "  // BUG: Diagnostic contains: OTHER",
            "  Map<String, String> d = Map.of();",
            "  // BUG: Diagnostic contains: OTHER",
            "  Map<String, String> e = ImmutableMap.of();",
            "  // BUG: Diagnostic contains: OTHER",
            "  BlockingQueue<String> f = Queues.newLinkedBlockingQueue(5);",
            "  // BUG: Diagnostic contains: OTHER",
            "  Map<String, String> g = new LinkedHashMap<>(16, 0.75f, true) {",
            "    @Override protected boolean removeEldestEntry(Map.Entry<String, String> e) {",
            "      return size() > 10;",
            "    }",
            "  };",
            "  // BUG: Diagnostic contains: OTHER",
            "  Map<String, String> h = create();",
            "  static Map<String, String> create() { return new HashMap<>(); }",
            "}")
        .doTest();
  }

  @Test
  void accessOrderedLinkedHashMapIsLru() {
    helper
        .addSourceLines(
            "Lru.java",
            "import java.util.*;",
            "class Lru {",
            "  // BUG: Diagnostic contains: LRU_WITHOUT_EVICTION",
            "  Map<String, String> a = new LinkedHashMap<>(16, 0.75f, true);",
            "  // BUG: Diagnostic contains: LRU_WITHOUT_EVICTION",
            "  Map<String, String> b = Collections.synchronizedMap(new LinkedHashMap<>(8, 1f, true));",
            "  // BUG: Diagnostic contains: UNBOUNDED",
            "  Map<String, String> c = new LinkedHashMap<>(16, 0.75f, false);",
            "}")
        .doTest();
  }

  @Test
  void enumsClassesBooleansAndReflectionAreClosedDomains() {
    helper
        .addSourceLines(
            "Closed.java",
            "import java.lang.reflect.Method;",
            "import java.util.*;",
            "class Closed {",
            "  enum Color { RED, GREEN }",
            "  // BUG: Diagnostic contains: closed=true",
            "  Map<Color, String> a = new HashMap<>();",
            "  // BUG: Diagnostic contains: closed=true",
            "  Map<Class<?>, String> b = new HashMap<>();",
            "  // BUG: Diagnostic contains: closed=true",
            "  Set<Boolean> c = new HashSet<>();",
            "  // BUG: Diagnostic contains: closed=true",
            "  Map<Method, String> d = new HashMap<>();",
            "  // BUG: Diagnostic contains: OTHER closed=true",
            "  Map<Color, String> e = new EnumMap<>(Color.class);",
            "  // BUG: Diagnostic contains: closed=false",
            "  List<Color> f = new ArrayList<>();",
            "  // BUG: Diagnostic contains: closed=false",
            "  Map<String, Color> g = new HashMap<>();",
            "  // BUG: Diagnostic contains: closed=false",
            "  Map<? extends Object, String> h = new HashMap<>();",
            "}")
        .doTest();
  }

  @Test
  void threadLocalsAreJudgedByTheCollectionEachThreadGets() {
    helper
        .addSourceLines(
            "PerThread.java",
            "import java.util.*;",
            "class PerThread {",
            "  // BUG: Diagnostic contains: UNBOUNDED closed=false threadLocal=true",
            "  static final ThreadLocal<Map<String, String>> A = ThreadLocal.withInitial(HashMap::new);",
            "  // BUG: Diagnostic contains: UNBOUNDED closed=false threadLocal=true",
            "  static final ThreadLocal<List<String>> B = ThreadLocal.withInitial(() -> new ArrayList<>());",
            "  // BUG: Diagnostic contains: UNBOUNDED",
            "  static final ThreadLocal<Set<String>> C =",
            "      new ThreadLocal<>() {",
            "        @Override protected Set<String> initialValue() { return new HashSet<>(); }",
            "      };",
            "  // BUG: Diagnostic contains: OTHER",
            "  static final ThreadLocal<Map<String, String>> D = new ThreadLocal<>();",
            "  // BUG: Diagnostic contains: OTHER closed=true",
            "  static final ThreadLocal<Map<Class<?>, String>> E = ThreadLocal.withInitial(WeakHashMap::new);",
            "  static final ThreadLocal<StringBuilder> NOT_A_COLLECTION = new ThreadLocal<>();",
            "}")
        .doTest();
  }

  @Test
  void reflectiveTypesLocalesAndCharsetsAreClosedDomains() {
    helper
        .addSourceLines(
            "Code.java",
            "import java.lang.reflect.*;",
            "import java.util.*;",
            "class Code {",
            "  // BUG: Diagnostic contains: closed=true",
            "  static final Map<Type, String> TYPES = new HashMap<>();",
            "  // BUG: Diagnostic contains: closed=true",
            "  static final Map<Field, String> FIELDS = new HashMap<>();",
            "  // BUG: Diagnostic contains: closed=true",
            "  static final Map<java.nio.charset.Charset, String> CHARSETS = new HashMap<>();",
            "  // BUG: Diagnostic contains: closed=true",
            "  static final Map<Locale, String> BUNDLES = new HashMap<>();",
            "  // BUG: Diagnostic contains: closed=false",
            "  static final Map<String, Code> BY_NAME = new HashMap<>();",
            "}")
        .doTest();
  }
}
