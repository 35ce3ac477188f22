package io.oomguard.checker.caches;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodTree;
import org.junit.jupiter.api.Test;

/**
 * {@link Callers} and {@link ModuleCallSites}: when a method runs, from its callers in the module.
 */
public final class CallersTest {
  /** Reports the reach of every method named {@code add*}. */
  @BugPattern(summary = "Callers probe", severity = WARNING)
  public static final class Probe extends BugChecker implements MethodTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchMethod(MethodTree tree, VisitorState state) {
      if (!tree.getName().toString().startsWith("add")) {
        return Description.NO_MATCH;
      }
      return buildDescription(tree)
          .setMessage("reach=" + Callers.of(ASTHelpers.getSymbol(tree), state))
          .build();
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Probe.class, getClass());

  @Test
  void callsInOtherClassesDecide() {
    helper
        .addSourceLines(
            "Registry.java",
            "import java.util.*;",
            "public class Registry {",
            "  // BUG: Diagnostic contains: reach=START_UP",
            "  public static void addAtStartUp(String name) {}",
            "  // BUG: Diagnostic contains: reach=RUNTIME",
            "  public static void addPerRequest(String name) {}",
            "  // BUG: Diagnostic contains: reach=EXTERNAL",
            "  public static void addFromOutside(String name) {}",
            "  // BUG: Diagnostic contains: reach=UNCALLED",
            "  private static void addNever(String name) {}",
            "  // BUG: Diagnostic contains: reach=RUNTIME",
            "  static void addThroughACallback(String name) {}",
            "}")
        .addSourceLines(
            "Boot.java",
            "import jakarta.annotation.PostConstruct;",
            "import java.util.List;",
            "class Boot {",
            "  static { Registry.addAtStartUp(\"static\"); }",
            "  @PostConstruct void init() {",
            "    for (String name : List.of(\"a\", \"b\")) { Registry.addAtStartUp(name); }",
            "    List.of(\"c\").forEach(Registry::addAtStartUp);",
            "  }",
            "  void listen(List<Runnable> bus) { bus.add(() -> Registry.addThroughACallback(\"x\")); }",
            "}")
        .addSourceLines(
            "Controller.java",
            "import org.springframework.web.bind.annotation.*;",
            "@RestController",
            "class Controller {",
            "  @GetMapping(\"/x\") void handle(@RequestParam String name) { helper(name); }",
            "  private void helper(String name) { Registry.addPerRequest(name); }",
            "}")
        .doTest();
  }

  @Test
  void callsThroughTheModulesInterfacesAndFrameworkCallbacksAreRunTime() {
    helper
        .addSourceLines(
            "Listener.java",
            "interface Listener { void onEvent(String event); }",
            "class Counting implements Listener, Runnable {",
            "  @Override public void onEvent(String event) { addEvent(event); }",
            "  // BUG: Diagnostic contains: reach=RUNTIME",
            "  void addEvent(String event) {}",
            "  @Override public void run() { addTick(); }",
            "  // BUG: Diagnostic contains: reach=RUNTIME",
            "  void addTick() {}",
            "}",
            "class Bus implements Runnable {",
            "  private final Listener listener = new Counting();",
            "  void publish(String event) { listener.onEvent(event); }",
            "  @Override public void run() { publish(\"tick\"); }",
            "}")
        .doTest();
  }

  @Test
  void constructorsOfSingletonsRunAtStartUp_othersWhereTheirObjectsAreMade() {
    helper
        .addSourceLines(
            "Objects.java",
            "class Made {",
            "  Made() { addSelf(); }",
            "  // BUG: Diagnostic contains: reach=RUNTIME",
            "  void addSelf() {}",
            "}",
            "@jakarta.inject.Singleton",
            "class Single {",
            "  Single() { addOnce(); }",
            "  // BUG: Diagnostic contains: reach=START_UP",
            "  void addOnce() {}",
            "}",
            "@org.springframework.web.bind.annotation.RestController",
            "class Maker {",
            "  @org.springframework.web.bind.annotation.GetMapping(\"/made\")",
            "  Made make() { return new Made(); }",
            "}")
        .doTest();
  }
}
