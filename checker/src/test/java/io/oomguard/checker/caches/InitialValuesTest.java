package io.oomguard.checker.caches;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.VariableTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.VariableTree;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.stream.Collectors;
import javax.lang.model.element.ElementKind;
import org.junit.jupiter.api.Test;

/** {@link InitialValues}: a field's initializer and what constructors and initializers assign. */
public final class InitialValuesTest {
  /** Reports the initial values of every field that has any, joined with " | ". */
  @BugPattern(summary = "InitialValues probe", severity = WARNING)
  public static final class Probe extends BugChecker implements VariableTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchVariable(VariableTree tree, VisitorState state) {
      VarSymbol symbol = ASTHelpers.getSymbol(tree);
      if (symbol == null || symbol.getKind() != ElementKind.FIELD) {
        return Description.NO_MATCH;
      }
      String values =
          InitialValues.of(state.getPath(), state).stream()
              .map(ExpressionTree::toString)
              .collect(Collectors.joining(" | "));
      return values.isEmpty()
          ? Description.NO_MATCH
          : buildDescription(tree).setMessage("values: " + values).build();
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Probe.class, getClass());

  @Test
  void initializerConstructorsAndInitializerBlocks_areInitialValues() {
    helper
        .addSourceLines(
            "Holder.java",
            "import java.util.*;",
            "class Holder {",
            "  // BUG: Diagnostic contains: values: new HashMap<>()",
            "  private final Map<String, String> initialized = new HashMap<>();",
            "  // BUG: Diagnostic contains: values: items | new ArrayList<>(items)",
            "  private final List<String> assigned;",
            "  // BUG: Diagnostic contains: values: new TreeSet<>()",
            "  private static final Set<String> STATIC_BLOCK;",
            "  // BUG: Diagnostic contains: values: new LinkedList<>()",
            "  private final Deque<String> instanceBlock;",
            "  private List<String> onlyAtRuntime;",
            "  static {",
            "    STATIC_BLOCK = new TreeSet<>();",
            "  }",
            "  {",
            "    instanceBlock = new LinkedList<>();",
            "  }",
            "  Holder(List<String> items) {",
            "    this.assigned = items;",
            "  }",
            "  Holder(Set<String> items) {",
            "    assigned = new ArrayList<>(items);",
            "  }",
            "  void refresh(List<String> items) {",
            "    onlyAtRuntime = items;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void fieldsAfterANestedClass_keepTheirOwnClassAssignments() {
    // The nested class's fields are asked about between the outer class's: each class's members
    // are read for its own fields only.
    helper
        .addSourceLines(
            "Outer.java",
            "import java.util.*;",
            "class Outer {",
            "  // BUG: Diagnostic contains: values: new ArrayList<>()",
            "  private final List<String> before;",
            "  static class Inner {",
            "    // BUG: Diagnostic contains: values: new HashSet<>()",
            "    private final Set<String> inner;",
            "    // BUG: Diagnostic contains: values: new TreeMap<>()",
            "    private Map<String, String> before;",
            "    Inner() {",
            "      inner = new HashSet<>();",
            "      before = new TreeMap<>();",
            "    }",
            "  }",
            "  // BUG: Diagnostic contains: values: new LinkedList<>()",
            "  private final Deque<String> after;",
            "  private List<String> notInitialized;",
            "  Outer() {",
            "    before = new ArrayList<>();",
            "    after = new LinkedList<>();",
            "  }",
            "}")
        .doTest();
  }
}
