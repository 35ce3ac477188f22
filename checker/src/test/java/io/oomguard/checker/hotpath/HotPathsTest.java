package io.oomguard.checker.hotpath;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.CompilationTestHelper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hot-path model, family by family. Each fixture under {@code src/test/resources/hotpath} calls
 * {@code probe()} in hot and cold places; a marker above a call states the exact context {@link
 * HotPaths} must report, and an unmarked call must be cold.
 */
final class HotPathsTest {
  private static final Path FIXTURES = Paths.get("src/test/resources/hotpath");

  private static void check(String fixture, List<String> args) throws IOException {
    List<String> lines = Files.readAllLines(FIXTURES.resolve(fixture), StandardCharsets.UTF_8);
    CompilationTestHelper.newInstance(HotPathProbe.class, HotPathsTest.class)
        .addSourceLines("hotpath/" + fixture, lines.toArray(new String[0]))
        .setArgs(args)
        .doTest();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SpringHandlers.java",
        "MessageListeners.java",
        "JaxRsResources.java",
        "Servlets.java",
        "ServerHandlers.java",
        "LoopsAndStreams.java",
        "SameClassPropagation.java",
        "HotPathAnnotated.java",
        "LoopReachedCalls.java",
        "CreatedNotCalled.java",
        "RequestFilters.java",
      })
  void fixture(String fixture) throws IOException {
    check(fixture, ImmutableList.of());
  }

  /**
   * The module compiled at once: a service reached through its interface, an object a handler
   * creates per request (its constructor and field initializers), a singleton and a lazily created
   * object (not per request), a helper another class calls per record.
   */
  @Test
  void wholeModule_hotAcrossClassesInterfacesAndConstructors() throws IOException {
    CompilationTestHelper helper =
        CompilationTestHelper.newInstance(HotPathProbe.class, HotPathsTest.class);
    try (var files = Files.list(FIXTURES.resolve("module"))) {
      for (Path file : files.sorted().toList()) {
        helper.addSourceLines(
            "hotpath/module/" + file.getFileName(),
            Files.readAllLines(file, StandardCharsets.UTF_8).toArray(new String[0]));
      }
    }
    helper.doTest();
  }

  @Test
  void moduleIndex_makesListedMethodsHotWithTheirChain(@TempDir Path dir) throws IOException {
    Path index = dir.resolve("hot-methods.tsv");
    HotMethodIndex.of(
            ImmutableMap.of(
                HotMethodIndex.key("hotpath.IndexedService", "lookup", ImmutableList.of("String")),
                new HotMethodIndex.Entry(
                    "request handler",
                    "GET /orders",
                    ImmutableList.of("OrderController.list", "IndexedService.lookup"))))
        .write(index);
    check("IndexedService.java", ImmutableList.of("-XepOpt:OomGuard:HotMethodsFile=" + index));
  }

  @Test
  void configuredAnnotation_marksEntryPoints() throws IOException {
    check(
        "ConfiguredAnnotation.java",
        ImmutableList.of("-XepOpt:OomGuard:HotPathAnnotations=hotpath.ConfiguredAnnotation.Job"));
  }

  @Test
  void configuredAnnotation_notConfigured_nothingHot() throws IOException {
    List<String> lines =
        Files.readAllLines(FIXTURES.resolve("ConfiguredAnnotation.java"), StandardCharsets.UTF_8);
    CompilationTestHelper.newInstance(HotPathProbe.class, HotPathsTest.class)
        .addSourceLines("hotpath/ConfiguredAnnotation.java", lines.toArray(new String[0]))
        .expectNoDiagnostics()
        .doTest();
  }
}
