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

/** {@link Lifetimes}: which fields live as long as the application. */
public final class LifetimesTest {
  /** Reports every field's lifetime. */
  @BugPattern(summary = "Lifetimes probe", severity = WARNING)
  public static final class Probe extends BugChecker implements VariableTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchVariable(VariableTree tree, VisitorState state) {
      VarSymbol field = ASTHelpers.getSymbol(tree);
      if (field.getKind() != ElementKind.FIELD) {
        return Description.NO_MATCH;
      }
      return buildDescription(tree)
          .setMessage(
              (Lifetimes.isLongLived(field, state) ? "long-lived " : "short-lived ")
                  + Lifetimes.describe(field, state))
          .build();
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Probe.class, getClass());

  @Test
  void staticFieldsAndSingletonComponentsAreLongLived() {
    helper
        .addSourceLines(
            "Components.java",
            "import org.springframework.stereotype.Service;",
            "import org.springframework.web.bind.annotation.RestController;",
            "import org.springframework.context.annotation.Configuration;",
            "class Components {",
            "  // BUG: Diagnostic contains: long-lived static field `COUNT`",
            "  static int COUNT;",
            "  // BUG: Diagnostic contains: short-lived field `plain` of `Components`",
            "  int plain;",
            "  @Service static class S {",
            "    // BUG: Diagnostic contains: long-lived field `x` of the Spring bean `S`",
            "    int x;",
            "  }",
            "  @RestController static class C {",
            "    // BUG: Diagnostic contains: long-lived field `y` of the Spring bean `C`",
            "    int y;",
            "  }",
            "  @Configuration static class K {",
            "    // BUG: Diagnostic contains: long-lived",
            "    int z;",
            "  }",
            "  @jakarta.inject.Singleton static class J {",
            "    // BUG: Diagnostic contains: long-lived field `j` of the @Singleton `J`",
            "    int j;",
            "  }",
            "  @jakarta.enterprise.context.ApplicationScoped static class A {",
            "    // BUG: Diagnostic contains: of the @ApplicationScoped bean `A`",
            "    int a;",
            "  }",
            "  enum E { ONE;",
            "    // BUG: Diagnostic contains: long-lived field `e` of the enum `E`",
            "    int e;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void servletsFiltersAndHandlersAreLongLived() {
    helper
        .addSourceLines(
            "Web.java",
            "abstract class Web extends jakarta.servlet.http.HttpServlet {",
            "  // BUG: Diagnostic contains: of the servlet `Web`",
            "  int hits;",
            "  abstract static class F implements javax.servlet.Filter {",
            "    // BUG: Diagnostic contains: of the servlet filter `F`",
            "    int f;",
            "  }",
            "  abstract static class H implements com.sun.net.httpserver.HttpHandler {",
            "    // BUG: Diagnostic contains: of the HttpHandler `H`",
            "    int h;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void shortScopesAreNotLongLived() {
    helper
        .addSourceLines(
            "Scopes.java",
            "import org.springframework.context.annotation.Scope;",
            "import org.springframework.stereotype.Component;",
            "class Scopes {",
            "  @Component @Scope(\"prototype\") static class P {",
            "    // BUG: Diagnostic contains: short-lived",
            "    int p;",
            "  }",
            "  @Component @Scope(scopeName = \"request\") static class R {",
            "    // BUG: Diagnostic contains: short-lived",
            "    int r;",
            "  }",
            "  @Component @Scope(\"singleton\") static class S {",
            "    // BUG: Diagnostic contains: long-lived",
            "    int s;",
            "  }",
            "  @jakarta.enterprise.context.RequestScoped static class Q {",
            "    // BUG: Diagnostic contains: short-lived",
            "    int q;",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void handRolledSingletonsAndHolderIdiom_areLongLived() {
    helper
        .addSourceLines(
            "Singletons.java",
            "class Singletons {",
            "  static final class Registry {",
            "    // BUG: Diagnostic contains: long-lived static field `INSTANCE`",
            "    private static final Registry INSTANCE = new Registry();",
            "    // BUG: Diagnostic contains: long-lived field `names` of the singleton `Registry`",
            "    final java.util.Set<String> names = new java.util.HashSet<>();",
            "    private Registry() {}",
            "  }",
            "  static final class Lazy {",
            "    private static final class Holder {",
            "      // BUG: Diagnostic contains: long-lived",
            "      static final Lazy INSTANCE = new Lazy();",
            "    }",
            "    // BUG: Diagnostic contains: long-lived field `cache` of the singleton `Lazy`",
            "    final java.util.Map<String, String> cache = new java.util.HashMap<>();",
            "    private Lazy() {}",
            "  }",
            "  /** A value class with a constant: made anew wherever it is needed. */",
            "  static final class Money {",
            "    // BUG: Diagnostic contains: long-lived",
            "    static final Money ZERO = new Money(0);",
            "    // BUG: Diagnostic contains: short-lived field `cents` of `Money`",
            "    final long cents;",
            "    Money(long cents) { this.cents = cents; }",
            "    Money plus(Money other) { return new Money(cents + other.cents); }",
            "  }",
            "}")
        .doTest();
  }

  @Test
  void objectsKeptByLongLivedHolders_andBaseClassesOfBeans_areLongLived() {
    helper
        .addSourceLines(
            "Holders.java",
            "import org.springframework.stereotype.Service;",
            "class Holders {",
            "  static final class Index {",
            "    // BUG: Diagnostic contains: long-lived field `entries` of `Index`, kept in"
                + " `Holders.SHARED`",
            "    final java.util.Map<String, String> entries = new java.util.HashMap<>();",
            "  }",
            "  // BUG: Diagnostic contains: long-lived",
            "  static final Index SHARED = new Index();",
            "  static final class Server {",
            "    // BUG: Diagnostic contains: long-lived field `sessions` of `Server`, kept in"
                + " `Gateway.server`",
            "    final java.util.Map<String, String> sessions = new java.util.HashMap<>();",
            "  }",
            "  abstract static class Gateway extends jakarta.servlet.http.HttpServlet {",
            "    // BUG: Diagnostic contains: long-lived",
            "    private Server server;",
            "    @Override public void init() { server = new Server(); }",
            "  }",
            "  abstract static class CachingResolver {",
            "    // BUG: Diagnostic contains: long-lived field `views` of `CachingResolver`, inherited"
                + " by the Spring bean `JsonResolver`",
            "    final java.util.Map<String, Object> views = new java.util.HashMap<>();",
            "  }",
            "  @Service static class JsonResolver extends CachingResolver {}",
            "  /** Made per call by a method: its fields come and go. */",
            "  static final class Page {",
            "    // BUG: Diagnostic contains: short-lived field `rows` of `Page`",
            "    final java.util.List<String> rows = new java.util.ArrayList<>();",
            "  }",
            "  @Service static class Pages {",
            "    // BUG: Diagnostic contains: long-lived",
            "    private final Page first = new Page();",
            "    Page next() { return new Page(); }",
            "  }",
            "}")
        .doTest();
  }
}
