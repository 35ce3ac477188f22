package io.oomguard.checker.caches;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring cache annotations' SpEL {@code key} expressions: the same never-repeating values {@link
 * NonRepeatingValues} finds in Java, written as {@code T(System).currentTimeMillis()}, {@code
 * T(java.util.UUID).randomUUID()}, {@code new java.util.Date()}.
 */
public final class SpelKeys {
  private SpelKeys() {}

  /**
   * The never-repeating call in a Spring {@code @Cacheable(key = "...")} SpEL expression, e.g.
   * {@code T(System).currentTimeMillis()}, unless it is bucketed ({@code / 60000}, {@code
   * .truncatedTo(...)}).
   */
  public static Optional<String> nonRepeatingPart(String expression) {
    Matcher matcher = SPEL_SOURCE.matcher(expression);
    while (matcher.find()) {
      String rest = expression.substring(matcher.end()).stripLeading();
      if (!SPEL_BUCKETED.matcher(rest).lookingAt()) {
        return Optional.of(matcher.group());
      }
    }
    return Optional.empty();
  }

  private static final Pattern SPEL_SOURCE =
      Pattern.compile(
          "T\\(\\s*(java\\.lang\\.)?System\\s*\\)\\s*\\.\\s*(currentTimeMillis|nanoTime)\\s*\\(\\s*\\)"
              + "|T\\(\\s*(java\\.util\\.)?UUID\\s*\\)\\s*\\.\\s*randomUUID\\s*\\(\\s*\\)"
              + "|T\\(\\s*(java\\.time\\.)?(Instant|LocalDateTime|ZonedDateTime|OffsetDateTime"
              + "|LocalTime)\\s*\\)\\s*\\.\\s*now\\s*\\(\\s*\\)"
              + "|T\\(\\s*(java\\.lang\\.)?Math\\s*\\)\\s*\\.\\s*random\\s*\\(\\s*\\)"
              + "|T\\(\\s*(java\\.util\\.concurrent\\.)?ThreadLocalRandom\\s*\\)\\s*\\.\\s*current"
              + "\\s*\\(\\s*\\)\\s*\\.\\s*next(Int|Long|Double)\\s*\\(\\s*\\)"
              + "|new\\s+(java\\.util\\.)?Date\\s*\\(\\s*\\)"
              + "|new\\s+(java\\.lang\\.)?Object\\s*\\(\\s*\\)");

  private static final Pattern SPEL_BUCKETED =
      Pattern.compile(
          "(/|%|div\\b|mod\\b|\\.\\s*(truncatedTo|toLocalDate|getYear|getMonth|getDayOf\\w*"
              + "|getHour|with\\w*)\\b)");
}
