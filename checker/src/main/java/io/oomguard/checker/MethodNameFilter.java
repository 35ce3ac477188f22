package io.oomguard.checker;

import static com.google.common.base.Preconditions.checkState;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The method names a group of Error Prone method matchers can match, collected while the matchers
 * are built, so that a call with any other name is turned away before a matcher runs.
 *
 * <p>Checks that run on every method call of a compilation try many matchers on each, and every
 * {@code onDescendantOf} is a subtype test; comparing the called name first, read from the tree, is
 * far cheaper. The names are not listed a second time: each matcher takes its names through the
 * filter ({@code .named(NAMES.name("readAllBytes"))}, {@code .namedAnyOf(NAMES.names(...))}, {@code
 * .withNameMatching(NAMES.pattern(...))}, {@code constructor().forClass(NAMES.constructor(...))}),
 * and the owner {@link #freeze freezes} it after its last matcher, so the filter and the matchers
 * cannot drift apart. Registering after the freeze fails the class's initialization, which every
 * test notices.
 */
public final class MethodNameFilter {
  /** The name of a constructor's symbol, which {@code super(...)} and {@code this(...)} call. */
  static final String CONSTRUCTOR = "<init>";

  private final Set<String> names = new LinkedHashSet<>();
  private final List<Pattern> patterns = new ArrayList<>();
  private boolean frozen;
  private ImmutableSet<String> frozenNames = ImmutableSet.of();
  private ImmutableList<Pattern> frozenPatterns = ImmutableList.of();

  /** An empty filter, to register names with while the matchers are built. */
  public MethodNameFilter() {}

  /** Registers one method name a matcher matches, and returns it for the matcher. */
  public String name(String name) {
    add(name);
    return name;
  }

  /** Registers method names a matcher matches, and returns them for the matcher. */
  public String[] names(String... names) {
    for (String name : names) {
      add(name);
    }
    return names;
  }

  /** Registers method names a matcher matches, and returns them for the matcher. */
  public ImmutableSet<String> names(Iterable<String> names) {
    ImmutableSet<String> copy = ImmutableSet.copyOf(names);
    copy.forEach(this::add);
    return copy;
  }

  /** Registers a pattern of method names a matcher matches, and returns it for the matcher. */
  public Pattern pattern(Pattern pattern) {
    checkState(!frozen, "%s registered after the filter was frozen", pattern);
    patterns.add(pattern);
    return pattern;
  }

  /**
   * Registers a constructor matcher's class (a name or a type predicate), and returns it for the
   * matcher: such a matcher also matches {@code super(...)} and {@code this(...)} calls.
   */
  public <T> T constructor(T forClass) {
    add(CONSTRUCTOR);
    return forClass;
  }

  private void add(String name) {
    checkState(!frozen, "%s registered after the filter was frozen", name);
    names.add(name);
  }

  /**
   * Ends registration, adding what the {@code others} registered (filters of helpers whose matchers
   * the owner also runs on the call), and returns this filter.
   */
  public MethodNameFilter freeze(MethodNameFilter... others) {
    checkState(!frozen, "frozen twice");
    for (MethodNameFilter other : others) {
      checkState(other.frozen, "a filter joined before it was frozen");
      names.addAll(other.frozenNames);
      patterns.addAll(other.frozenPatterns);
    }
    frozen = true;
    frozenNames = ImmutableSet.copyOf(names);
    frozenPatterns = ImmutableList.copyOf(patterns);
    return this;
  }

  /** Every name registered, for tests; patterns are in {@link #patterns()}. */
  public ImmutableSet<String> names() {
    checkState(frozen, "read before the filter was frozen");
    return frozenNames;
  }

  /** Every name pattern registered, for tests. */
  public ImmutableList<Pattern> patterns() {
    checkState(frozen, "read before the filter was frozen");
    return frozenPatterns;
  }

  /** Whether a method of this name may be matched; {@code <init>} for a constructor. */
  public boolean mayMatch(String name) {
    checkState(frozen, "read before the filter was frozen");
    if (frozenNames.contains(name)) {
      return true;
    }
    for (Pattern pattern : frozenPatterns) {
      if (pattern.matcher(name).matches()) {
        return true;
      }
    }
    return false;
  }

  /** Whether the method {@code call} calls may be matched, judged by its name alone. */
  public boolean mayMatch(MethodInvocationTree call) {
    return mayMatch(calledName(call));
  }

  /**
   * The simple name of the method {@code call} calls, read from the tree, without resolving a
   * symbol: {@code <init>} for {@code super(...)} and {@code this(...)}, as on their symbol.
   */
  public static String calledName(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    String name = "";
    if (select instanceof MemberSelectTree member) {
      name = member.getIdentifier().toString();
    } else if (select instanceof IdentifierTree identifier) {
      name = identifier.getName().toString();
    }
    return name.equals("super") || name.equals("this") ? CONSTRUCTOR : name;
  }
}
