package io.oomguard.checker.caches;

import static com.google.errorprone.matchers.method.MethodMatchers.constructor;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import java.util.List;

/**
 * Date-time formatters: whether formatting keeps the time down to the second (so a formatted {@code
 * now()} never repeats) or buckets it (a date, an hour).
 */
final class TimeFormats {
  /** {@code DateTimeFormatter} constants that print seconds or finer. */
  private static final ImmutableSet<String> PRECISE_CONSTANTS =
      ImmutableSet.of(
          "ISO_LOCAL_TIME",
          "ISO_OFFSET_TIME",
          "ISO_TIME",
          "ISO_LOCAL_DATE_TIME",
          "ISO_OFFSET_DATE_TIME",
          "ISO_ZONED_DATE_TIME",
          "ISO_DATE_TIME",
          "ISO_INSTANT",
          "RFC_1123_DATE_TIME");

  private static final Matcher<ExpressionTree> PATTERNS =
      staticMethod().onClass("java.time.format.DateTimeFormatter").named("ofPattern");

  private static final Matcher<ExpressionTree> SIMPLE_DATE_FORMAT =
      constructor().forClass("java.text.SimpleDateFormat");

  private TimeFormats() {}

  /** Whether {@code formatter} is a formatter that keeps seconds, millis or nanos. */
  static boolean keepsSeconds(ExpressionTree formatter, VisitorState state) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(formatter);
    List<? extends ExpressionTree> arguments = List.of();
    if (stripped instanceof MethodInvocationTree call && PATTERNS.matches(call, state)) {
      arguments = call.getArguments();
    } else if (stripped instanceof NewClassTree newClass
        && SIMPLE_DATE_FORMAT.matches(newClass, state)) {
      arguments = newClass.getArguments();
    } else {
      Symbol constant = ASTHelpers.getSymbol(stripped);
      return constant != null
          && constant.owner.getQualifiedName().contentEquals("java.time.format.DateTimeFormatter")
          && PRECISE_CONSTANTS.contains(constant.getSimpleName().toString());
    }
    return !arguments.isEmpty()
        && ASTHelpers.constValue(arguments.get(0)) instanceof String pattern
        && hasSecondsOrFiner(pattern);
  }

  /** Seconds ({@code s}), fractions ({@code S}), nanos ({@code n}, {@code N}), millis of day. */
  static boolean hasSecondsOrFiner(String pattern) {
    String unquoted = pattern.replaceAll("'[^']*'", "");
    return unquoted.matches(".*[sSnNA].*");
  }
}
