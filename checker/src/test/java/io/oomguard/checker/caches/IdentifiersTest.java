package io.oomguard.checker.caches;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/** {@link Identifiers}: a never-repeating value handed back is an id, not a cache key. */
final class IdentifiersTest {
  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(NonRepeatingValuesTest.Probe.class, getClass());

  private CompilationTestHelper source(String... body) {
    return NonRepeatingValuesTest.source(helper, body);
  }

  @Test
  void identifiersHandedBackAreRecognised() {
    source(
            "  Map<String, String> sessions = new HashMap<>();",
            "  String field;",
            "  String returned() {",
            "    String id = UUID.randomUUID().toString();",
            "    // BUG: Diagnostic contains: handedBack=true",
            "    CACHE.get(id);",
            "    return id;",
            "  }",
            "  void stored() {",
            "    String id = UUID.randomUUID().toString();",
            "    // BUG: Diagnostic contains: handedBack=true",
            "    CACHE.get(id);",
            "    field = id;",
            "  }",
            "  void passedOn() {",
            "    String id = UUID.randomUUID().toString();",
            "    // BUG: Diagnostic contains: handedBack=true",
            "    CACHE.get(id);",
            "    use(List.of(\"id\", id));",
            "  }",
            "  Map<String, String> insideReturnedMap() {",
            "    String id = UUID.randomUUID().toString();",
            "    Map<String, String> body = new HashMap<>();",
            "    body.put(\"session\", id);",
            "    // BUG: Diagnostic contains: handedBack=true",
            "    CACHE.get(id);",
            "    return body;",
            "  }",
            "  void onlyUsedAsKey() {",
            "    String id = UUID.randomUUID().toString();",
            "    // BUG: Diagnostic contains: handedBack=false",
            "    CACHE.get(id);",
            "    sessions.get(id);",
            "    System.out.println(\"key \" + id);",
            "  }",
            "  void timeOnlyMeasured() {",
            "    long start = System.nanoTime();",
            "    // BUG: Diagnostic contains: handedBack=false",
            "    CACHE.get(\"k\" + start);",
            "    use(System.nanoTime() - start);",
            "  }")
        .doTest();
  }
}
