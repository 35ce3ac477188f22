package io.oomguard.checker.caches;

import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.errorprone.BugPattern;
import com.google.errorprone.CompilationTestHelper;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.MethodInvocationTreeMatcher;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.MethodInvocationTree;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link NonRepeatingValues}: what never repeats, through which locals, and identifiers. */
public final class NonRepeatingValuesTest {
  /** Reports the analysis of the key of every cache access. */
  @BugPattern(summary = "NonRepeatingValues probe", severity = WARNING)
  public static final class Probe extends BugChecker implements MethodInvocationTreeMatcher {
    private static final long serialVersionUID = 1L;

    @Override
    public Description matchMethodInvocation(MethodInvocationTree tree, VisitorState state) {
      Optional<CacheAccesses.CacheAccess> access = CacheAccesses.of(tree, state);
      if (access.isEmpty()) {
        return Description.NO_MATCH;
      }
      Optional<NonRepeatingValues.Source> source = NonRepeatingValues.in(access.get().key(), state);
      String message =
          source
              .map(
                  s ->
                      s.kind()
                          + " "
                          + s.description()
                          + " via="
                          + s.locals().stream()
                              .map(local -> local.getSimpleName().toString())
                              .collect(Collectors.joining(","))
                          + " handedBack="
                          + Identifiers.isHandedBack(s, state))
              .orElse("REPEATS");
      return buildDescription(tree).setMessage(message).build();
    }
  }

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(Probe.class, getClass());

  static final String[] HEADER = {
    "import java.time.*;",
    "import java.time.temporal.ChronoUnit;",
    "import java.util.*;",
    "import java.util.concurrent.*;",
    "import java.util.concurrent.atomic.*;",
    "abstract class T {",
    "  static final Map<Object, Object> CACHE = new HashMap<>();",
    "  abstract void use(Object anything);",
  };

  static CompilationTestHelper source(CompilationTestHelper helper, String... body) {
    String[] lines = new String[HEADER.length + body.length + 1];
    System.arraycopy(HEADER, 0, lines, 0, HEADER.length);
    System.arraycopy(body, 0, lines, HEADER.length, body.length);
    lines[lines.length - 1] = "}";
    return helper.addSourceLines("T.java", lines);
  }

  @Test
  void timeRandomAndCountersAreFoundInline() {
    source(
            helper,
            "  AtomicLong seq = new AtomicLong();",
            "  int plain;",
            "  Clock clock;",
            "  void m(String user) {",
            "    // BUG: Diagnostic contains: TIME `System.currentTimeMillis()` via=",
            "    CACHE.get(user + System.currentTimeMillis());",
            "    // BUG: Diagnostic contains: TIME `Instant.now()`",
            "    CACHE.get(Instant.now().toEpochMilli());",
            "    // BUG: Diagnostic contains: TIME `clock.instant()`",
            "    CACHE.get(clock.instant().toString());",
            "    // BUG: Diagnostic contains: RANDOM `UUID.randomUUID()`",
            "    CACHE.get(UUID.randomUUID().toString());",
            "    // BUG: Diagnostic contains: RANDOM",
            "    CACHE.get(ThreadLocalRandom.current().nextDouble());",
            "    // BUG: Diagnostic contains: COUNTER `seq.getAndIncrement()`",
            "    CACHE.get(String.format(\"%s-%d\", user, seq.getAndIncrement()));",
            "    // BUG: Diagnostic contains: COUNTER `plain++`",
            "    CACHE.get(plain++);",
            "    // BUG: Diagnostic contains: TIME `new Date()`",
            "    CACHE.get(Objects.hash(user, new Date()));",
            "    // BUG: Diagnostic contains: TIME",
            "    CACHE.get(List.of(user, LocalDateTime.now()));",
            "  }")
        .doTest();
  }

  @Test
  void bucketedTimeAndBoundedRandomRepeat() {
    source(
            helper,
            "  void m(String user, long param) {",
            "    // BUG: Diagnostic contains: REPEATS",
            "    CACHE.get(user + System.currentTimeMillis() / 60_000);",
            "    // BUG: Diagnostic contains: REPEATS",
            "    CACHE.get(Instant.now().truncatedTo(ChronoUnit.MINUTES));",
            "    // BUG: Diagnostic contains: REPEATS",
            "    CACHE.get(LocalDate.now());",
            "    // BUG: Diagnostic contains: REPEATS",
            "    CACHE.get(ThreadLocalRandom.current().nextInt(8));",
            "    // BUG: Diagnostic contains: REPEATS",
            "    CACHE.get(System.nanoTime() % 16);",
            "    // BUG: Diagnostic contains: REPEATS",
            "    CACHE.get(param);",
            "    // BUG: Diagnostic contains: REPEATS",
            "    CACHE.get(LocalDateTime.now().getHour());",
            "  }")
        .doTest();
  }

  @Test
  void localsBuildersAndCompoundAssignmentsAreFollowed() {
    source(
            helper,
            "  void m(String user) {",
            "    long now = System.nanoTime();",
            "    String key = user + \":\" + now;",
            "    // BUG: Diagnostic contains: TIME `System.nanoTime()` via=key,now",
            "    CACHE.get(key);",
            "    StringBuilder sb = new StringBuilder(user);",
            "    sb.append('/').append(UUID.randomUUID());",
            "    // BUG: Diagnostic contains: RANDOM `UUID.randomUUID()` via=sb",
            "    CACHE.get(sb.toString());",
            "    String k = user;",
            "    k += Math.random();",
            "    // BUG: Diagnostic contains: RANDOM `Math.random()` via=k",
            "    CACHE.get(k);",
            "    StringBuilder plain = new StringBuilder();",
            "    plain.append(user);",
            "    // BUG: Diagnostic contains: REPEATS",
            "    CACHE.get(plain.toString());",
            "  }")
        .doTest();
  }

  @Test
  void freshObjectsWithoutValueEqualsNeverRepeat() {
    source(
            helper,
            "  record R(String a) {}",
            "  static class NoEquals { NoEquals(String a) {} }",
            "  static class WithEquals {",
            "    @Override public boolean equals(Object o) { return o instanceof WithEquals; }",
            "    @Override public int hashCode() { return 1; }",
            "  }",
            "  static class Inherits extends WithEquals {}",
            "  void m(String user) {",
            "    // BUG: Diagnostic contains: IDENTITY a new `NoEquals`",
            "    CACHE.get(new NoEquals(user));",
            "    // BUG: Diagnostic contains: IDENTITY a new array",
            "    CACHE.get(new byte[] {1, 2});",
            "    // BUG: Diagnostic contains: IDENTITY",
            "    CACHE.get(List.of(user, new Object()));",
            "    // BUG: Diagnostic contains: REPEATS",
            "    CACHE.get(new R(user));",
            "    // BUG: Diagnostic contains: REPEATS",
            "    CACHE.get(new Inherits());",
            "    // BUG: Diagnostic contains: REPEATS",
            "    CACHE.get(new String(user));",
            "    // BUG: Diagnostic contains: IDENTITY",
            "    CACHE.get(\"k\" + new Object());",
            "    // BUG: Diagnostic contains: TIME",
            "    CACHE.get(new R(user + Instant.now()));",
            "  }")
        .doTest();
  }

  @Test
  void formattedTimeRepeatsOnlyWhenThePatternDropsSeconds() {
    source(
            helper,
            "  void m(String user) {",
            "    // BUG: Diagnostic contains: TIME `LocalDateTime.now()`",
            "    CACHE.get(LocalDateTime.now().format("
                + "java.time.format.DateTimeFormatter.ofPattern(\"yyyyMMddHHmmss\")));",
            "    // BUG: Diagnostic contains: TIME `new Date()`",
            "    CACHE.get(new java.text.SimpleDateFormat(\"HH:mm:ss.SSS\").format(new Date()));",
            "    // BUG: Diagnostic contains: TIME `Instant.now()`",
            "    CACHE.get(java.time.format.DateTimeFormatter.ISO_INSTANT.format(Instant.now()));",
            "    // BUG: Diagnostic contains: REPEATS",
            "    CACHE.get(LocalDateTime.now().format("
                + "java.time.format.DateTimeFormatter.ofPattern(\"yyyy-MM-dd-HH 's'\")));",
            "    // BUG: Diagnostic contains: REPEATS",
            "    CACHE.get(java.time.format.DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now()));",
            "  }")
        .doTest();
  }
}
