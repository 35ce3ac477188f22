package io.oomguard.maven.index;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import io.oomguard.maven.index.SourceTypes.SourceMethod;
import io.oomguard.maven.index.SourceTypes.SourceType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The skeleton parse: stripping bodies keeps every declaration, and putting the bodies back gives
 * the tree a whole-file parse gives.
 */
final class LazyBodiesTest {
  /** Every brace-bearing shape a type body can hold (a resource: it holds a text block). */
  private static final String TRICKY =
      read(Paths.get("src/test/resources/index/lazy/Tricky.java.txt"));

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void strip_takesOutEveryMethodAndConstructorBody_andNothingElse() {
    LazyBodies.Skeleton skeleton = LazyBodies.strip(TRICKY);
    // Tricky(int), Tricky(), get, convert, record, Kind(), Kind(int), weight, sum, describe,
    // unit, helper, Base(int), Base(); not the anonymous class's run, the enum constants'
    // weight, the compact constructor, initializers or field initializers.
    assertThat(skeleton.bodies()).hasSize(14);
    assertThat(skeleton.bodies().get(0)).isEqualTo("{ super(a); helper(); }");
    assertThat(skeleton.text()).contains("@Override public void run() { helper(); }");
    assertThat(skeleton.text())
        .contains("Point { if (x < 0) throw new IllegalArgumentException(); }");
    assertThat(skeleton.text()).contains("default {\"a\", \"}\"}");
    assertThat(skeleton.text()).doesNotContain("return braces");
  }

  @Test
  void strip_keepsTheLinesOfWhatFollows() {
    LazyBodies.Skeleton skeleton = LazyBodies.strip(TRICKY);
    assertThat(skeleton.text().lines().count()).isEqualTo(TRICKY.lines().count());
  }

  @Test
  void skeletonWithBodiesAttached_equalsTheWholeFileParse() {
    assertRoundTrip(TRICKY, "TRICKY");
  }

  /** Every source file of this repository is a realistic, varied input. */
  @Test
  void everySourceFileOfThisRepository_roundTrips() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String root :
        List.of(
            "../test-cases/src/main/java",
            "../checker/src/main/java",
            "../checker/src/test/java",
            "src/main/java",
            "src/test/java")) {
      try (Stream<Path> walk = Files.walk(Paths.get(root))) {
        files.addAll(
            walk.filter(path -> path.toString().endsWith(".java")).collect(Collectors.toList()));
      }
    }
    assertThat(files.size()).isGreaterThan(150);
    for (Path file : files) {
      assertRoundTrip(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }
  }

  @Test
  void unbalancedBraces_areRejected() {
    assertThrows(IllegalArgumentException.class, () -> LazyBodies.strip("class A { void m() { }"));
    assertThrows(IllegalArgumentException.class, () -> LazyBodies.strip("class A { } }"));
    assertThrows(
        IllegalArgumentException.class, () -> LazyBodies.strip("class A { String s = \"x; }"));
  }

  @Test
  void bodyThatDoesNotParse_isReportedAndLeftEmpty() {
    JavaParser parser = ModuleIndex.newParser();
    LazyBodies bodies = new LazyBodies(parser);
    SourceTypes types = new SourceTypes(bodies);
    LazyBodies.Skeleton skeleton = LazyBodies.strip("class A { void m() { int = ; } }");
    types.add(parser.parse(skeleton.text()).getResult().orElseThrow(), skeleton.bodies());
    types.link();
    SourceMethod m = types.byBinaryName("A").orElseThrow().methods.get(0);

    bodies.attach(m);

    assertThat(bodies.problems()).hasSize(1);
    assertThat(bodies.problems().get(0)).startsWith("A.m: ");
    assertThat(m.declaration.findAll(com.github.javaparser.ast.stmt.Statement.class)).hasSize(1);
  }

  private static void assertRoundTrip(String source, String name) {
    JavaParser parser = ModuleIndex.newParser();
    ParseResult<CompilationUnit> whole = parser.parse(source);
    if (!whole.isSuccessful()) {
      return; // JavaParser cannot read it whole either; the index lists such files
    }
    LazyBodies.Skeleton skeleton = LazyBodies.strip(source);
    ParseResult<CompilationUnit> stripped = parser.parse(skeleton.text());
    assertThat(stripped.getProblems()).isEmpty();
    LazyBodies bodies = new LazyBodies(parser);
    SourceTypes types = new SourceTypes(bodies);
    CompilationUnit unit = stripped.getResult().orElseThrow();
    types.add(unit, skeleton.bodies());
    types.link();
    for (SourceType type : types.all()) {
      for (SourceMethod method : type.methods) {
        bodies.attach(method);
      }
    }
    assertThat(bodies.problems()).isEmpty();
    assertThat(bodies.parsed()).isEqualTo(skeleton.bodies().size());
    if (!unit.equals(whole.getResult().orElseThrow())) {
      throw new AssertionError(name + ": the tree with its bodies put back differs");
    }
  }
}
