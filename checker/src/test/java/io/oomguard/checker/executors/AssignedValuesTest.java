package io.oomguard.checker.executors;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class AssignedValuesTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(ValueProbe.class, getClass());

  @Test
  void followsVariablesAssignedOnce() {
    helper
        .addSourceLines(
            "Values.java",
            "import java.util.*;",
            "class Values {",
            "  private final List<String> initialized = new ArrayList<>(4);",
            "  private final Deque<String> inConstructor;",
            "  private List<String> mutable = new LinkedList<>();",
            "  Values(boolean flag) {",
            "    inConstructor = new ArrayDeque<>();",
            "    if (flag) {",
            "      mutable = new ArrayList<>();",
            "    }",
            "  }",
            "  static void probe(Object value) {}",
            "  void uses(List<String> parameter, boolean flag) {",
            "    List<String> local = new Vector<>();",
            "    Collection<String> chained = local;",
            "    List<String> twice = new ArrayList<>();",
            "    twice = new LinkedList<>();",
            "    // BUG: Diagnostic contains: resolves to new ArrayList<>(4)",
            "    probe(initialized);",
            "    // BUG: Diagnostic contains: resolves to new ArrayDeque<>()",
            "    probe(this.inConstructor);",
            "    // BUG: Diagnostic contains: resolves to mutable",
            "    probe(mutable);",
            "    // BUG: Diagnostic contains: resolves to new Vector<>()",
            "    probe((Object) (chained));",
            "    // BUG: Diagnostic contains: resolves to twice",
            "    probe(twice);",
            "    List<String> placeholder = null;",
            "    if (flag) {",
            "      placeholder = new Stack<>();",
            "    }",
            "    // BUG: Diagnostic contains: resolves to new Stack<>()",
            "    probe(placeholder);",
            "    // BUG: Diagnostic contains: resolves to parameter",
            "    probe(parameter);",
            "  }",
            "}")
        .doTest();
  }
}
