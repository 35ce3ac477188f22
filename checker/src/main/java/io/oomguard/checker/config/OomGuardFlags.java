package io.oomguard.checker.config;

import static com.google.common.collect.ImmutableSet.toImmutableSet;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.ErrorProneFlags;
import com.google.errorprone.VisitorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Every {@code -XepOpt:OomGuard:*} flag, read and validated in one place.
 *
 * <p>A bad value fails the compilation with a message that names the flag and says how to fix it;
 * an unknown {@code OomGuard:} flag is an error too, since a typo would otherwise silently turn a
 * setting off. The checks never throw from their constructors (Error Prone would show that as a
 * compiler crash, with the message dozens of lines down): they keep the problem and report it as
 * the compilation's first error ({@link #reportIfInvalid}).
 */
public final class OomGuardFlags {
  /** The namespace all oomguard flags share. */
  public static final String PREFIX = "OomGuard:";

  /** How the compiler error for a bad flag starts, so that tools can tell it from a code error. */
  public static final String CONFIGURATION_ERROR = "oomguard configuration error: ";

  /**
   * Comma-separated fully qualified names of annotations that mark per-request entry points, in
   * addition to the frameworks oomguard knows and {@code @io.oomguard.annotations.HotPath}.
   */
  public static final String HOT_PATH_ANNOTATIONS = PREFIX + "HotPathAnnotations";

  /**
   * A file listing the module's methods reached from entry points in other classes, written by the
   * Maven plugin's source index before analysis (see {@code HotMethodIndex}). Not set in
   * compiler-plugin mode, where hot paths stay within a class.
   */
  public static final String HOT_METHODS_FILE = PREFIX + "HotMethodsFile";

  private static final ImmutableSet<String> KNOWN_FLAGS =
      ImmutableSet.of(HOT_PATH_ANNOTATIONS, HOT_METHODS_FILE);

  private static final Pattern QUALIFIED_NAME =
      Pattern.compile(
          "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
              + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)+");

  private static final OomGuardFlags DEFAULTS =
      new OomGuardFlags(ImmutableSet.of(), Optional.empty(), null);

  private final ImmutableSet<String> hotPathAnnotations;
  private final Optional<Path> hotMethodsFile;
  private final @Nullable String problem;

  private OomGuardFlags(
      ImmutableSet<String> hotPathAnnotations,
      Optional<Path> hotMethodsFile,
      @Nullable String problem) {
    this.hotPathAnnotations = hotPathAnnotations;
    this.hotMethodsFile = hotMethodsFile;
    this.problem = problem;
  }

  /** The configuration when no flag is given. */
  public static OomGuardFlags defaults() {
    return DEFAULTS;
  }

  /**
   * Reads the oomguard flags for a check: never throws. A bad flag leaves the defaults in place and
   * the problem to {@link #reportIfInvalid}.
   */
  public static OomGuardFlags read(ErrorProneFlags flags) {
    try {
      return from(flags);
    } catch (IllegalArgumentException e) {
      return new OomGuardFlags(ImmutableSet.of(), Optional.empty(), e.getMessage());
    }
  }

  /**
   * Reports a bad flag as a compiler error, once per compilation, and says whether there was one; a
   * check then analyzes nothing, since its configuration is not what the user asked for.
   */
  public boolean reportIfInvalid(VisitorState state) {
    if (problem == null) {
      return false;
    }
    FlagErrors.reportOnce(CONFIGURATION_ERROR + problem, state);
    return true;
  }

  /**
   * Reads and validates the oomguard flags.
   *
   * @throws IllegalArgumentException naming the flag and the fix, for an unknown flag or bad value
   */
  public static OomGuardFlags from(ErrorProneFlags flags) {
    for (String key : flags.getFlagsMap().keySet()) {
      if (key.startsWith(PREFIX) && !KNOWN_FLAGS.contains(key)) {
        throw new IllegalArgumentException(
            "Unknown oomguard flag -XepOpt:"
                + key
                + ". Known flags: "
                + KNOWN_FLAGS.stream().map(k -> "-XepOpt:" + k).toList()
                + ". Check the spelling (flag names are case-sensitive).");
      }
    }
    return new OomGuardFlags(
        parseAnnotationNames(flags.get(HOT_PATH_ANNOTATIONS).orElse("")),
        parseHotMethodsFile(flags.get(HOT_METHODS_FILE)),
        null);
  }

  private static ImmutableSet<String> parseAnnotationNames(String value) {
    ImmutableSet<String> names =
        Splitter.on(',')
            .trimResults()
            .omitEmptyStrings()
            .splitToStream(value)
            .collect(toImmutableSet());
    for (String name : names) {
      if (!QUALIFIED_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "Bad value for -XepOpt:"
                + HOT_PATH_ANNOTATIONS
                + ": '"
                + name
                + "' is not a fully qualified annotation name. Give a comma-separated list such"
                + " as -XepOpt:"
                + HOT_PATH_ANNOTATIONS
                + "=com.example.web.Handler,com.example.jobs.PerItem (no '@', no spaces inside"
                + " a name).");
      }
    }
    return names;
  }

  private static Optional<Path> parseHotMethodsFile(Optional<String> value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Path file = Paths.get(value.get().trim());
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "Bad value for -XepOpt:"
              + HOT_METHODS_FILE
              + ": '"
              + value.get()
              + "' is not a file. The Maven plugin writes this index before analysis; in"
              + " compiler-plugin mode leave the flag out.");
    }
    return Optional.of(file);
  }

  /** The cross-class hot-method index file, when the Maven plugin built one. */
  public Optional<Path> hotMethodsFile() {
    return hotMethodsFile;
  }

  /** Fully qualified names of the user's own entry-point annotations. */
  public ImmutableSet<String> hotPathAnnotations() {
    return hotPathAnnotations;
  }
}
