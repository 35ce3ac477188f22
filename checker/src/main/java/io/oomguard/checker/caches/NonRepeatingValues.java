package io.oomguard.checker.caches;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.constructor;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import io.oomguard.annotations.OomSafe;
import io.oomguard.checker.Guard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Values that never repeat: the current time, random numbers and UUIDs, counters, and freshly
 * created objects that compare by identity. A cache key built from one never hits.
 *
 * <p>The value is followed through the usual ways keys are built — string concatenation, {@code
 * String.format}, {@code StringBuilder}, {@code Objects.hash}, {@code List.of}, records and
 * constructors — and through locals of the same method. Bucketed time ({@code millis / 60_000},
 * {@code truncatedTo}, {@code LocalDate.now()}) repeats and is not reported.
 */
public final class NonRepeatingValues {
  /** Why a value never repeats; decides the advice. */
  public enum Kind {
    TIME,
    RANDOM,
    COUNTER,
    IDENTITY
  }

  /**
   * A never-repeating part of a key.
   *
   * @param description the part, for messages, e.g. "`System.currentTimeMillis()`"
   * @param locals the locals of the method the value flows through into the key, innermost last
   */
  public record Source(Kind kind, String description, ImmutableList<Symbol> locals) {}

  private static final Matcher<ExpressionTree> TIME =
      anyOf(
          staticMethod().onClass("java.lang.System").namedAnyOf("currentTimeMillis", "nanoTime"),
          staticMethod()
              .onClassAny(
                  "java.time.Instant",
                  "java.time.LocalDateTime",
                  "java.time.ZonedDateTime",
                  "java.time.OffsetDateTime",
                  "java.time.LocalTime",
                  "java.time.OffsetTime")
              .named("now"),
          instanceMethod().onDescendantOf("java.time.Clock").namedAnyOf("millis", "instant"),
          staticMethod().onClass("java.util.Calendar").named("getInstance"),
          constructor().forClass("java.util.Date").withNoParameters(),
          constructor().forClass("java.util.GregorianCalendar").withNoParameters());

  private static final Matcher<ExpressionTree> RANDOM =
      anyOf(
          staticMethod().onClass("java.util.UUID").named("randomUUID"),
          staticMethod().onClassAny("java.lang.Math", "java.lang.StrictMath").named("random"),
          instanceMethod()
              .onDescendantOfAny("java.util.Random", "java.util.random.RandomGenerator")
              .namedAnyOf("nextInt", "nextLong", "nextDouble", "nextFloat", "nextGaussian")
              .withNoParameters());

  private static final Matcher<ExpressionTree> COUNTER =
      anyOf(
          instanceMethod()
              .onDescendantOfAny(
                  "java.util.concurrent.atomic.AtomicLong",
                  "java.util.concurrent.atomic.AtomicInteger")
              .namedAnyOf(
                  "incrementAndGet",
                  "getAndIncrement",
                  "decrementAndGet",
                  "getAndDecrement",
                  "addAndGet",
                  "getAndAdd"),
          instanceMethod()
              .onDescendantOf("java.util.concurrent.atomic.LongAdder")
              .namedAnyOf("sum", "longValue", "intValue", "sumThenReset"));

  /** Instance methods whose result varies with their receiver (and arguments). */
  private static final ImmutableSet<String> CARRIES_RECEIVER =
      ImmutableSet.of(
          "toString",
          "hashCode",
          "toEpochMilli",
          "getEpochSecond",
          "toEpochSecond",
          "getTime",
          "getTimeInMillis",
          "getNano",
          "toInstant",
          "atZone",
          "atOffset",
          "toLocalDateTime",
          "toOffsetDateTime",
          "toZonedDateTime",
          "longValue",
          "intValue",
          "doubleValue",
          "toUpperCase",
          "toLowerCase",
          "trim",
          "strip",
          "intern",
          "concat",
          "formatted",
          "getMostSignificantBits",
          "getLeastSignificantBits",
          "append",
          "insert");

  /** Instance methods whose result varies with their arguments too. */
  private static final ImmutableSet<String> CARRIES_INSTANCE_ARGUMENTS =
      ImmutableSet.of("concat", "formatted", "append", "insert");

  /** Static factories and conversions whose result varies with their arguments. */
  static final ImmutableSet<String> CARRIES_ARGUMENTS =
      ImmutableSet.of(
          "valueOf",
          "toString",
          "toHexString",
          "toUnsignedString",
          "format",
          "join",
          "hash",
          "hashCode",
          "asList",
          "of",
          "copyOf",
          "entry",
          "ofEntries",
          "from",
          "ofEpochMilli",
          "ofEpochSecond",
          "ofInstant");

  /** Calls that turn a value into text: an object's identity does not survive them. */
  static final ImmutableSet<String> TO_TEXT =
      ImmutableSet.of(
          "toString", "valueOf", "format", "formatted", "join", "append", "insert", "concat");

  /** Calls on a local that feed it more content: {@code sb.append(x)}, {@code parts.add(x)}. */
  private static final ImmutableSet<String> MUTATORS =
      ImmutableSet.of("append", "insert", "add", "addAll", "put", "putAll", "set");

  private static final int MAX_DEPTH = 16;

  private NonRepeatingValues() {}

  /** Whether {@code expression} itself reads the time, a random number or a counter. */
  static boolean neverRepeats(ExpressionTree expression, VisitorState state) {
    return TIME.matches(expression, state)
        || RANDOM.matches(expression, state)
        || COUNTER.matches(expression, state);
  }

  /** Whether {@code call} feeds its receiver more content ({@code sb.append(x)}). */
  static boolean isMutator(MethodInvocationTree call) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    return method != null && MUTATORS.contains(method.getSimpleName().toString());
  }

  /**
   * The never-repeating part of {@code key}, following locals of the method enclosing {@code
   * state}'s path.
   */
  public static Optional<Source> in(ExpressionTree key, VisitorState state) {
    try {
      return new Analysis(state, enclosingCode(state.getPath())).of(key, ImmutableList.of(), 0);
    } catch (RuntimeException e) {
      Guard.recover(e, "the never-repeating values of a cache key", key, state);
      return Optional.empty(); // no finding
    }
  }

  private static final class Analysis {
    private final VisitorState state;
    private final @Nullable Tree code;
    private final Set<Symbol> visiting = new HashSet<>();

    Analysis(VisitorState state, @Nullable Tree code) {
      this.state = state;
      this.code = code;
    }

    Optional<Source> of(@Nullable ExpressionTree tree, ImmutableList<Symbol> locals, int depth) {
      if (tree == null || depth > MAX_DEPTH) {
        return Optional.empty();
      }
      ExpressionTree expression = ASTHelpers.stripParentheses(tree);
      if (expression instanceof TypeCastTree cast) {
        return of(cast.getExpression(), locals, depth + 1);
      }
      if (expression instanceof ConditionalExpressionTree conditional) {
        return best(
            List.of(
                of(conditional.getTrueExpression(), locals, depth + 1),
                of(conditional.getFalseExpression(), locals, depth + 1)));
      }
      if (expression instanceof BinaryTree binary) {
        return ofBinary(binary, locals, depth);
      }
      if (expression instanceof UnaryTree unary) {
        return ofUnary(unary, locals);
      }
      if (expression instanceof MethodInvocationTree call) {
        return ofCall(call, locals, depth);
      }
      if (expression instanceof NewClassTree newClass) {
        return ofNew(newClass, locals, depth);
      }
      if (expression instanceof NewArrayTree) {
        return Optional.of(
            new Source(Kind.IDENTITY, "a new array (arrays compare by identity)", locals));
      }
      if (expression instanceof IdentifierTree identifier) {
        return ofLocal(ASTHelpers.getSymbol(identifier), locals, depth);
      }
      return Optional.empty();
    }

    private Optional<Source> ofBinary(BinaryTree binary, ImmutableList<Symbol> locals, int depth) {
      boolean text = isString(ASTHelpers.getType(binary));
      switch (binary.getKind()) {
        case PLUS, MINUS, MULTIPLY, XOR, OR -> {
          Optional<Source> source =
              best(
                  List.of(
                      of(binary.getLeftOperand(), locals, depth + 1),
                      of(binary.getRightOperand(), locals, depth + 1)));
          return text ? source.filter(s -> s.kind() != Kind.IDENTITY) : source;
        }
        default -> {
          return Optional.empty(); // division, remainder, shifts, masks bucket the value
        }
      }
    }

    private Optional<Source> ofUnary(UnaryTree unary, ImmutableList<Symbol> locals) {
      boolean increment =
          switch (unary.getKind()) {
            case POSTFIX_INCREMENT, PREFIX_INCREMENT, POSTFIX_DECREMENT, PREFIX_DECREMENT -> true;
            default -> false;
          };
      Symbol counter = ASTHelpers.getSymbol(unary.getExpression());
      if (increment && counter != null && counter.getKind() == ElementKind.FIELD) {
        return Optional.of(new Source(Kind.COUNTER, "`" + source(unary) + "`", locals));
      }
      return Optional.empty();
    }

    private Optional<Source> ofCall(
        MethodInvocationTree call, ImmutableList<Symbol> locals, int depth) {
      if (TIME.matches(call, state)) {
        return Optional.of(new Source(Kind.TIME, "`" + source(call) + "`", locals));
      }
      if (RANDOM.matches(call, state)) {
        return Optional.of(new Source(Kind.RANDOM, "`" + source(call) + "`", locals));
      }
      if (COUNTER.matches(call, state)) {
        return Optional.of(new Source(Kind.COUNTER, "`" + source(call) + "`", locals));
      }
      MethodSymbol method = ASTHelpers.getSymbol(call);
      String name = method.getSimpleName().toString();
      if (name.equals("format") && !ASTHelpers.isStatic(method)) {
        return ofFormatted(call, locals, depth);
      }
      List<Optional<Source>> candidates = new ArrayList<>(call.getArguments().size() + 1);
      if (ASTHelpers.isStatic(method)) {
        if (CARRIES_ARGUMENTS.contains(name)) {
          call.getArguments().forEach(argument -> candidates.add(of(argument, locals, depth + 1)));
        }
      } else {
        ExpressionTree receiver = ASTHelpers.getReceiver(call);
        if (CARRIES_RECEIVER.contains(name) && receiver != null) {
          // An object's identity does not survive a call on it: sb.toString() is plain text.
          candidates.add(of(receiver, locals, depth + 1).filter(s -> s.kind() != Kind.IDENTITY));
        }
        if (CARRIES_INSTANCE_ARGUMENTS.contains(name)) {
          call.getArguments().forEach(argument -> candidates.add(of(argument, locals, depth + 1)));
        }
      }
      Optional<Source> found = best(candidates);
      return TO_TEXT.contains(name) ? found.filter(s -> s.kind() != Kind.IDENTITY) : found;
    }

    /**
     * {@code now.format(formatter)} or {@code formatter.format(now)}: the time survives only when
     * the pattern keeps seconds or finer ({@code "yyyyMMddHHmmss"}, {@code ISO_INSTANT}); a
     * date-only or hour pattern buckets it.
     */
    private Optional<Source> ofFormatted(
        MethodInvocationTree call, ImmutableList<Symbol> locals, int depth) {
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      if (receiver == null || call.getArguments().size() != 1) {
        return Optional.empty();
      }
      ExpressionTree argument = call.getArguments().get(0);
      if (TimeFormats.keepsSeconds(argument, state)) {
        return of(receiver, locals, depth + 1); // now.format(pattern)
      }
      if (TimeFormats.keepsSeconds(receiver, state)) {
        return of(argument, locals, depth + 1); // pattern.format(now)
      }
      return Optional.empty();
    }

    private Optional<Source> ofNew(NewClassTree newClass, ImmutableList<Symbol> locals, int depth) {
      if (TIME.matches(newClass, state)) {
        return Optional.of(new Source(Kind.TIME, "`" + source(newClass) + "`", locals));
      }
      List<Optional<Source>> candidates = new ArrayList<>(newClass.getArguments().size());
      newClass.getArguments().forEach(argument -> candidates.add(of(argument, locals, depth + 1)));
      Optional<Source> found = best(candidates);
      if (found.isPresent()) {
        return found;
      }
      Type type = ASTHelpers.getType(newClass);
      if (type != null && !hasValueEquals(type, state)) {
        String what =
            newClass.getClassBody() != null
                ? "a new anonymous-class instance"
                : "a new `" + type.tsym.getSimpleName() + "`";
        return Optional.of(
            new Source(
                Kind.IDENTITY,
                what + " (it does not override equals/hashCode, so no two are equal)",
                locals));
      }
      return Optional.empty();
    }

    private Optional<Source> ofLocal(
        @Nullable Symbol local, ImmutableList<Symbol> locals, int depth) {
      if (local == null
          || local.getKind() != ElementKind.LOCAL_VARIABLE
          || code == null
          || !visiting.add(local)) {
        return Optional.empty();
      }
      ImmutableList<Symbol> through =
          ImmutableList.<Symbol>builder().addAll(locals).add(local).build();
      try {
        List<ExpressionTree> parts = contributions(local, code);
        List<Optional<Source>> candidates = new ArrayList<>(parts.size());
        for (ExpressionTree contribution : parts) {
          candidates.add(of(contribution, through, depth + 1));
        }
        return best(candidates);
      } finally {
        visiting.remove(local);
      }
    }

    private String source(Tree tree) {
      String text = state.getSourceForNode(tree);
      if (text == null) {
        return tree.toString();
      }
      text = text.replaceAll("\\s+", " ");
      return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
  }

  /** What a local is built from: its initializer, assignments, and content added to it. */
  @OomSafe("the expressions one local is built from in one method: a handful")
  private static List<ExpressionTree> contributions(Symbol local, Tree code) {
    List<ExpressionTree> contributions = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        if (local.equals(ASTHelpers.getSymbol(node)) && node.getInitializer() != null) {
          contributions.add(node.getInitializer());
        }
        return super.visitVariable(node, unused);
      }

      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        if (local.equals(ASTHelpers.getSymbol(node.getVariable()))) {
          contributions.add(node.getExpression());
        }
        return super.visitAssignment(node, unused);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
        if (local.equals(ASTHelpers.getSymbol(node.getVariable()))
            && node.getKind() == Tree.Kind.PLUS_ASSIGNMENT) {
          contributions.add(node.getExpression());
        }
        return super.visitCompoundAssignment(node, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        ExpressionTree receiver = rootReceiver(node);
        if (receiver != null
            && local.equals(ASTHelpers.getSymbol(receiver))
            && MUTATORS.contains(ASTHelpers.getSymbol(node).getSimpleName().toString())) {
          contributions.addAll(node.getArguments());
        }
        return super.visitMethodInvocation(node, unused);
      }
    }.scan(code, null);
    return contributions;
  }

  /** {@code sb} in {@code sb.append(a).append(b)}. */
  static @Nullable ExpressionTree rootReceiver(MethodInvocationTree call) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    while (receiver instanceof MethodInvocationTree inner
        && MUTATORS.contains(ASTHelpers.getSymbol(inner).getSimpleName().toString())) {
      receiver = ASTHelpers.getReceiver(inner);
    }
    return receiver;
  }

  /** Whether instances of {@code type} can be equal without being the same object. */
  static boolean hasValueEquals(Type type, VisitorState state) {
    if (!(type.tsym instanceof ClassSymbol symbol)) {
      return true; // arrays are handled by the caller; be quiet on anything else
    }
    if (ASTHelpers.isRecord(symbol) || symbol.getKind() == ElementKind.ENUM) {
      return true;
    }
    Type objectType = state.getSymtab().objectType;
    for (Type current = type;
        current != null && current.tsym instanceof ClassSymbol owner;
        current = owner.getSuperclass()) {
      if (ASTHelpers.isSameType(current, objectType, state)) {
        return false;
      }
      if (hasGeneratedEquals(owner)) {
        return true;
      }
      for (Symbol member : owner.members().getSymbolsByName(state.getName("equals"))) {
        if (member instanceof MethodSymbol equals
            && equals.getParameters().size() == 1
            && ASTHelpers.isSameType(equals.getParameters().get(0).type, objectType, state)) {
          return true;
        }
      }
    }
    return true; // an unresolved supertype: assume the best
  }

  /** Lombok writes equals/hashCode during annotation processing, which may not have run. */
  private static boolean hasGeneratedEquals(ClassSymbol type) {
    return type.getAnnotationMirrors().stream()
        .map(annotation -> annotation.type.tsym.getQualifiedName().toString())
        .anyMatch(GENERATED_EQUALS::contains);
  }

  private static final ImmutableSet<String> GENERATED_EQUALS =
      ImmutableSet.of("lombok.Value", "lombok.Data", "lombok.EqualsAndHashCode");

  static boolean isString(@Nullable Type type) {
    return type != null
        && type.tsym != null
        && type.tsym.getQualifiedName().contentEquals("java.lang.String");
  }

  /** The first source that is not mere identity, else the first identity source. */
  private static Optional<Source> best(List<Optional<Source>> candidates) {
    Optional<Source> identity = Optional.empty();
    for (Optional<Source> candidate : candidates) {
      if (candidate.isPresent() && candidate.get().kind() != Kind.IDENTITY) {
        return candidate;
      }
      if (identity.isEmpty()) {
        identity = candidate;
      }
    }
    return identity;
  }

  /** The method (or, outside methods, the class member) whose locals a key may flow through. */
  static @Nullable Tree enclosingCode(TreePath path) {
    Tree member = null;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree) {
        return p.getLeaf();
      }
      if (p.getParentPath() != null && p.getParentPath().getLeaf() instanceof ClassTree) {
        member = p.getLeaf();
        break;
      }
    }
    return member;
  }
}
