package io.oomguard.checker;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import java.util.Comparator;
import java.util.ServiceLoader;

/**
 * The catalogue of oomguard checks: their public names, default severities and documentation links.
 *
 * <p>The checks register themselves with {@code @AutoService(BugChecker.class)}; this class reads
 * that registration, so adding a check never means editing a list here. Check names are public API:
 * users write them in {@code @SuppressWarnings} and in the Maven plugin's {@code checks} parameter.
 */
public final class Checks {
  /** Where each check's page lives; a check links to {@code DOCS_BASE + "<Name>.md"}. */
  public static final String DOCS_BASE =
      "https://github.com/oomguard/oomguard/blob/main/docs/checks/";

  /** The Java package every oomguard check lives in. */
  public static final String CHECKS_PACKAGE = "io.oomguard.checker.checks";

  private Checks() {}

  /** Every registered oomguard check class, sorted by check name. */
  public static ImmutableList<Class<? extends BugChecker>> all() {
    return ServiceLoader.load(BugChecker.class, Checks.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::type)
        .filter(type -> type.getPackageName().equals(CHECKS_PACKAGE))
        .sorted(Comparator.comparing(Checks::name))
        .collect(ImmutableList.toImmutableList());
  }

  /** The public name of a check: the one users write in {@code @SuppressWarnings}. */
  public static String name(Class<? extends BugChecker> check) {
    return check.getAnnotation(BugPattern.class).name();
  }
}
