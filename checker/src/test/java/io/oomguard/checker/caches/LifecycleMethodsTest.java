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
import io.oomguard.checker.hotpath.StartUpMethods;
import org.junit.jupiter.api.Test;

/**
 * {@link LifecycleMethods} (shutdown) and the hot-path model's {@link StartUpMethods}, which the
 * cache checks use: methods frameworks call once at start-up or shutdown.
 */
public final class LifecycleMethodsTest {
  /** Reports every start-up method. */
  @BugPattern(summary = "LifecycleMethods probe", severity = WARNING)
  public static final class Probe extends BugChecker implements MethodTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchMethod(MethodTree tree, VisitorState state) {
      if (StartUpMethods.isStartUp(ASTHelpers.getSymbol(tree), state)) {
        return buildDescription(tree).setMessage("startup").build();
      }
      if (LifecycleMethods.isShutdown(ASTHelpers.getSymbol(tree), state)) {
        return buildDescription(tree).setMessage("shutdown").build();
      }
      return Description.NO_MATCH;
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Probe.class, getClass());

  @Test
  void startupCallbacks() {
    helper
        .addSourceLines(
            "Boot.java",
            "import org.springframework.context.annotation.Bean;",
            "import org.springframework.context.event.ContextRefreshedEvent;",
            "import org.springframework.context.event.EventListener;",
            "class Boot implements org.springframework.beans.factory.InitializingBean {",
            "  // BUG: Diagnostic contains: startup",
            "  @jakarta.annotation.PostConstruct void load() {}",
            "  // BUG: Diagnostic contains: startup",
            "  @Override public void afterPropertiesSet() {}",
            "  // BUG: Diagnostic contains: startup",
            "  @Bean Object bean() { return new Object(); }",
            "  // BUG: Diagnostic contains: startup",
            "  @EventListener void ready(ContextRefreshedEvent event) {}",
            "  // BUG: Diagnostic contains: startup",
            "  public static void main(String[] args) {}",
            "  @EventListener void onOrder(String order) {}",
            "  void afterPropertiesSet(int notTheCallback) {}",
            "  void run() {}",
            "  // BUG: Diagnostic contains: shutdown",
            "  @jakarta.annotation.PreDestroy void flush() {}",
            "  // BUG: Diagnostic contains: shutdown",
            "  public void close() {}",
            "  void cleanUp() {}",
            "  void close(String sessionId) {}",
            "  static abstract class S extends jakarta.servlet.http.HttpServlet {",
            "    // BUG: Diagnostic contains: startup",
            "    @Override public void init() {}",
            "  }",
            "  static abstract class F implements jakarta.servlet.Filter {",
            "    // BUG: Diagnostic contains: startup",
            "    @Override public void init(jakarta.servlet.FilterConfig config) {}",
            "  }",
            "}")
        .doTest();
  }
}
