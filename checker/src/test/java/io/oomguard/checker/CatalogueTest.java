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
}
