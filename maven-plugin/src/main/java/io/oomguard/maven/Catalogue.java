package io.oomguard.maven;

import com.google.errorprone.BugPattern;
import com.google.errorprone.bugpatterns.BugChecker;
import io.oomguard.checker.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The oomguard checks this plugin runs, read from the checker's own catalogue ({@link
 * Checks#all()}), so a new check is picked up without touching the plugin.
 *
 * <p>Reading the catalogue only loads the check classes and their {@code @BugPattern}; it does not
 * initialize them, so it works in the Maven JVM without access to javac's internals.
 */
public final class Catalogue {
  private final Map<String, CheckInfo> checks;

  /** A catalogue of the given checks, kept in the given order. */
  public Catalogue(Collection<CheckInfo> checks) {
    Map<String, CheckInfo> byName = new LinkedHashMap<>();
    for (CheckInfo check : checks) {
      byName.put(check.name(), check);
    }
    this.checks = byName;
  }

  /** The catalogue of the oomguard checker on this plugin's classpath. */
  public static Catalogue load() {
    List<CheckInfo> infos = new ArrayList<>();
    for (Class<? extends BugChecker> check : Checks.all()) {
      BugPattern pattern = check.getAnnotation(BugPattern.class);
      infos.add(
          new CheckInfo(
              pattern.name(),
              pattern.severity() == BugPattern.SeverityLevel.ERROR
                  ? Severity.ERROR
                  : Severity.WARNING,
              pattern.summary(),
              pattern.explanation(),
              pattern.link(),
              Arrays.stream(pattern.suppressionAnnotations()).map(Class::getName).toList()));
    }
    return new Catalogue(infos);
  }

  /** Every check, in catalogue order (sorted by name for the real catalogue). */
  public Collection<CheckInfo> all() {
    return checks.values();
  }

  /** The check names, in catalogue order. */
  public Set<String> names() {
    return checks.keySet();
  }

  /** The check with this exact name, if there is one. */
  public Optional<CheckInfo> find(String name) {
    return Optional.ofNullable(checks.get(name));
  }
}
