package io.oomguard.checker;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import io.oomguard.annotations.OomSafe;
import io.oomguard.checker.checks.OomSafeWithoutReason;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rules every oomguard check follows, checked over the whole catalogue. */
final class CatalogueTest {
  private static final Path DOCS = Paths.get("../docs/checks");
  private static final Path SOURCES = Paths.get("src/main/java");
  private static final Path README = Paths.get("../README.md");

  @Test
  void catalogueListsTheRegisteredChecks() {
    assertThat(Checks.all()).contains(OomSafeWithoutReason.class);
  }

  @Test
  void everyCheckIsAFinalClassLinkingToItsDocsPage() {
    for (Class<? extends BugChecker> check : Checks.all()) {
      BugPattern pattern = check.getAnnotation(BugPattern.class);
      assertWithMessage("%s is final", check).that(Modifier.isFinal(check.getModifiers())).isTrue();
      assertThat(pattern.name()).isEqualTo(check.getSimpleName());
      assertThat(pattern.linkType()).isEqualTo(BugPattern.LinkType.CUSTOM);
      assertThat(pattern.link()).isEqualTo(Checks.DOCS_BASE + pattern.name() + ".md");
      assertWithMessage("docs page for %s", pattern.name())
          .that(Files.isRegularFile(DOCS.resolve(pattern.name() + ".md")))
          .isTrue();
    }
  }

  @Test
  void everyCheckButTheReasonCheckIsSuppressedByOomSafeAndSuppressWarnings() {
    for (Class<? extends BugChecker> check : Checks.all()) {
      ImmutableList<Class<?>> suppressors =
          ImmutableList.copyOf(check.getAnnotation(BugPattern.class).suppressionAnnotations());
      if (check.equals(OomSafeWithoutReason.class)) {
        // A blank @OomSafe must not hide its own report.
        assertThat(suppressors).containsExactly(SuppressWarnings.class);
      } else {
        assertWithMessage("suppressionAnnotations of %s", check)
            .that(suppressors)
            .containsExactly(SuppressWarnings.class, OomSafe.class);
      }
    }
  }

  /**
   * Every check extends {@link OomGuardCheck}, so that Error Prone does not look for
   * {@code @OomSafe} on every declaration of a compilation; {@link Guard} applies it where a check
   * has a finding.
   */
  @Test
  void everyCheckLeavesOomSafeToTheGuard() {
    for (Class<? extends BugChecker> check : Checks.all()) {
      assertWithMessage("superclass of %s", check)
          .that(check.getSuperclass())
          .isEqualTo(OomGuardCheck.class);
    }
  }

  /** The checker never breaks a build: every matcher entry point runs through {@link Guard}. */
  @Test
  void everyMatchMethodOfEveryCheckRunsThroughTheGuard() throws Exception {
    Pattern matchMethod =
        Pattern.compile(
            "public Description (match\\w+)\\(\\w+ tree, VisitorState state\\) \\{\\s*(\\S[^;]*;)");
    for (Class<? extends BugChecker> check : Checks.all()) {
      Path source = SOURCES.resolve(check.getName().replace('.', '/') + ".java");
      Matcher matcher = matchMethod.matcher(Files.readString(source, StandardCharsets.UTF_8));
      int methods = 0;
      while (matcher.find()) {
        methods++;
        assertWithMessage("%s.%s", check.getSimpleName(), matcher.group(1))
            .that(matcher.group(2))
            .startsWith("return Guard.match(this, tree, state, ");
      }
      assertWithMessage("match methods of %s", check).that(methods).isGreaterThan(0);
    }
  }

  /**
   * The README's check table has one row per check, with the check's default severity and a link to
   * its page; a check added, renamed or re-graded without its row fails here.
   */
  @Test
  void readmeCheckTableListsEveryCheckWithItsSeverityAndPage() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Pattern row =
        Pattern.compile(
            "(?m)^\\| `(\\w+)` \\| [^\\n]*\\| (ERROR|WARNING) \\| \\[page\\]\\(docs/checks/(\\w+)\\.md\\) \\|$");
    Matcher rows = row.matcher(readme);
    java.util.Map<String, String> severities = new java.util.TreeMap<>();
    while (rows.find()) {
      assertWithMessage("README row of %s links its own page", rows.group(1))
          .that(rows.group(3))
          .isEqualTo(rows.group(1));
      severities.put(rows.group(1), rows.group(2));
    }
    java.util.Map<String, String> expected = new java.util.TreeMap<>();
    for (Class<? extends BugChecker> check : Checks.all()) {
      BugPattern pattern = check.getAnnotation(BugPattern.class);
      expected.put(pattern.name(), pattern.severity().name());
    }
    assertThat(severities).isEqualTo(expected);
  }

  /** The README's "only oomguard's checks" argument turns each check on at its default level. */
  @Test
  void readmeCompilerPluginArgumentEnablesEveryCheckAtItsDefault() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Matcher argument =
        Pattern.compile("<arg>-Xplugin:ErrorProne -XepDisableAllChecks ([^<]*)</arg>")
            .matcher(readme);
    assertThat(argument.find()).isTrue();
    java.util.Set<String> expected = new java.util.TreeSet<>();
    for (Class<? extends BugChecker> check : Checks.all()) {
      BugPattern pattern = check.getAnnotation(BugPattern.class);
      expected.add(
          "-Xep:"
              + pattern.name()
              + ":"
              + (pattern.severity() == BugPattern.SeverityLevel.ERROR ? "ERROR" : "WARN"));
    }
    assertThat(new java.util.TreeSet<>(java.util.List.of(argument.group(1).trim().split(" "))))
        .isEqualTo(expected);
  }
}
