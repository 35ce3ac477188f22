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
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.oomguard.annotations.OomSafe;
import io.oomguard.checker.Guard;
import io.oomguard.checker.OwnCode;
import io.oomguard.checker.config.OomGuardFlags;
import io.oomguard.checker.hotpath.HotPaths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
   * @param passedIn whether the value was made by a caller and passed in as a parameter
   */
  public record Source(
      Kind kind, String description, ImmutableList<Symbol> locals, boolean passedIn) {
    Source(Kind kind, String description, ImmutableList<Symbol> locals) {
      this(kind, description, locals, false);
    }
  }

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
   * state}'s path, the parameters it comes through (to what every caller in the module passes), and
   * the module's own methods whose results it is built from.
   */
  public static Optional<Source> in(ExpressionTree key, VisitorState state) {
    try {
      Analysis analysis =
          new Analysis(
              state,
              enclosingCode(state.getPath()),
              state.getPath().getCompilationUnit(),
              new HashSet<>(),
              Map.of(),
              0,
              new int[] {0});
      Optional<Source> whole = analysis.ofWholeKey(key);
      return whole.isPresent() ? whole : analysis.of(key, ImmutableList.of(), 0);
    } catch (RuntimeException e) {
      Guard.recover(e, "the never-repeating values of a cache key", key, state);
      return Optional.empty(); // no finding
    }
  }

  /** An argument a callee's parameter is bound to, and where it was written. */
  private record Binding(ExpressionTree argument, Analysis context) {}

  /** How many calls and callees one key may follow: a popular method's callers are many. */
  private static final int MAX_FOLLOWED = 200;

  private static final class Analysis {
    /** How many calls deep the search follows values into callers and callees. */
    private static final int MAX_HOPS = 4;

    private final VisitorState state;
    private final @Nullable Tree code;
    private final CompilationUnitTree unit;
    private final Set<Symbol> visiting;
    private final Map<Symbol, Binding> bindings;
    private final int hops;

    /** Calls and callees followed so far for this key, shared by every analysis it spawns. */
    private final int[] followed;

    Analysis(
        VisitorState state,
        @Nullable Tree code,
        CompilationUnitTree unit,
        Set<Symbol> visiting,
        Map<Symbol, Binding> bindings,
        int hops,
        int[] followed) {
      this.state = state;
      this.code = code;
      this.unit = unit;
      this.visiting = visiting;
      this.bindings = bindings;
      this.hops = hops;
      this.followed = followed;
    }

    /** Counts one more call or callee followed; false once the key's budget is spent. */
    private boolean mayFollow() {
      return ++followed[0] <= MAX_FOLLOWED;
    }

    /**
     * The key as a whole: an array (other than a constant) compares by identity, so a lookup with
     * an array found anywhere but in a field never finds what was stored.
     */
    Optional<Source> ofWholeKey(ExpressionTree key) {
      ExpressionTree stripped = ASTHelpers.stripParentheses(key);
      Type type = ASTHelpers.getType(stripped);
      Symbol symbol = ASTHelpers.getSymbol(stripped);
      if (type instanceof Type.ArrayType
          && !(symbol != null && symbol.getKind() == ElementKind.FIELD)
          && !(stripped instanceof NewArrayTree)) {
        return Optional.of(
            new Source(
                Kind.IDENTITY,
                "`" + source(stripped) + "`, a `" + type + "` (arrays compare by identity)",
                ImmutableList.of()));
      }
      return Optional.empty();
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
      if (expression instanceof LambdaExpressionTree || expression instanceof MemberReferenceTree) {
        return capturesValues(expression)
            ? Optional.of(
                new Source(
                    Kind.IDENTITY,
                    "a lambda or method reference that captures values (each is a new object,"
                        + " compared by identity)",
                    locals))
            : Optional.empty();
      }
      if (expression instanceof IdentifierTree identifier) {
        return ofVariable(ASTHelpers.getSymbol(identifier), locals, depth);
      }
      return Optional.empty();
    }

    private Optional<Source> ofBinary(BinaryTree binary, ImmutableList<Symbol> locals, int depth) {
      boolean text = isString(ASTHelpers.getType(binary));
      switch (binary.getKind()) {
        case PLUS, MINUS, MULTIPLY, XOR, OR -> {
          List<Optional<Source>> candidates = new ArrayList<>(2);
          for (ExpressionTree operand :
              List.of(binary.getLeftOperand(), binary.getRightOperand())) {
            Optional<Source> found = of(operand, locals, depth + 1);
            candidates.add(text ? asText(found, operand) : found);
          }
          return best(candidates);
        }
        default -> {
          return Optional.empty(); // division, remainder, shifts, masks bucket the value
        }
      }
    }

    /**
     * What survives of a source when a value is turned into text: the time, a random number or a
     * counter does; an object's identity only when its text is its identity hash (an array, a class
     * that does not override {@code toString}).
     */
    private Optional<Source> asText(Optional<Source> found, ExpressionTree value) {
      if (found.isEmpty() || found.get().kind() != Kind.IDENTITY) {
        return found;
      }
      return textIsIdentity(value) ? found : Optional.empty();
    }

    /**
     * Whether the text of {@code value} is its identity hash: an array, or an object whose class
     * (known exactly, or never {@code Object} or an interface) does not override {@code toString}.
     */
    private boolean textIsIdentity(ExpressionTree value) {
      Type type = ASTHelpers.getType(value);
      if (type instanceof Type.ArrayType) {
        return true;
      }
      if (type == null || !(type.tsym instanceof ClassSymbol symbol) || symbol.isInterface()) {
        return false;
      }
      boolean exact =
          ASTHelpers.stripParentheses(value) instanceof NewClassTree newClass
              && newClass.getClassBody() == null;
      if (!exact && ASTHelpers.isSameType(type, state.getSymtab().objectType, state)) {
        return false; // any object at all: its class may well override toString
      }
      if (symbol.isRecord() || symbol.getKind() == ElementKind.ENUM) {
        return false;
      }
      for (Type current = type;
          current != null && current.tsym instanceof ClassSymbol owner;
          current = owner.getSuperclass()) {
        if (owner.getQualifiedName().contentEquals("java.lang.Object")) {
          return true;
        }
        for (Symbol member : owner.members().getSymbolsByName(state.getName("toString"))) {
          if (member instanceof MethodSymbol method && method.getParameters().isEmpty()) {
            return false;
          }
        }
      }
      return false;
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
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      if (name.equals("toString")
          && call.getArguments().isEmpty()
          && receiver != null
          && ASTHelpers.getType(receiver) instanceof Type.ArrayType) {
        return Optional.of(
            new Source(
                Kind.IDENTITY,
                "`" + source(call) + "`, the identity hash of an array, not its content",
                locals));
      }
      List<Optional<Source>> candidates = new ArrayList<>(call.getArguments().size() + 1);
      boolean carries = false;
      if (ASTHelpers.isStatic(method)) {
        if (CARRIES_ARGUMENTS.contains(name)) {
          carries = true;
          for (ExpressionTree argument : call.getArguments()) {
            Optional<Source> found = of(argument, locals, depth + 1);
            candidates.add(TO_TEXT.contains(name) ? asText(found, argument) : found);
          }
        }
      } else {
        if (CARRIES_RECEIVER.contains(name) && receiver != null) {
          carries = true;
          // An object's identity does not survive a call on it (sb.toString() is plain text),
          // unless the call is toString() and the object's text is its identity hash.
          Optional<Source> found = of(receiver, locals, depth + 1);
          candidates.add(
              name.equals("toString")
                  ? asText(found, receiver)
                  : found.filter(s -> s.kind() != Kind.IDENTITY));
        }
        if (CARRIES_INSTANCE_ARGUMENTS.contains(name)) {
          carries = true;
          for (ExpressionTree argument : call.getArguments()) {
            Optional<Source> found = of(argument, locals, depth + 1);
            candidates.add(TO_TEXT.contains(name) ? asText(found, argument) : found);
          }
        }
      }
      Optional<Source> found = best(candidates);
      if (found.isPresent() || carries) {
        return found;
      }
      return ofResult(call, method, locals, depth);
    }

    /**
     * The result of one of the module's own methods: what its {@code return}s give, with its
     * parameters bound to this call's arguments.
     */
    private Optional<Source> ofResult(
        MethodInvocationTree call, MethodSymbol method, ImmutableList<Symbol> locals, int depth) {
      ModuleCallSites module = ModuleCallSites.of(state);
      if (hops >= MAX_HOPS
          || !module.complete()
          || !module.isInSource(method)
          || !mayFollow()
          || mayBeOverridden(method, module, state)
          || !visiting.add(method)) {
        return Optional.empty();
      }
      try {
        TreePath declaration = module.declaration(method, state);
        if (declaration == null
            || !(declaration.getLeaf() instanceof MethodTree tree)
            || tree.getBody() == null) {
          return Optional.empty();
        }
        Map<Symbol, Binding> bound = new HashMap<>();
        List<VarSymbol> parameters = method.getParameters();
        List<? extends ExpressionTree> arguments = call.getArguments();
        for (int i = 0; i < parameters.size() && i < arguments.size(); i++) {
          if (!(method.isVarArgs() && i == parameters.size() - 1)) {
            bound.put(parameters.get(i), new Binding(arguments.get(i), this));
          }
        }
        Analysis callee =
            new Analysis(
                state, tree, declaration.getCompilationUnit(), visiting, bound, hops + 1, followed);
        List<ExpressionTree> returned = returns(tree);
        List<Optional<Source>> candidates = new ArrayList<>(returned.size());
        for (ExpressionTree value : returned) {
          candidates.add(callee.of(value, ImmutableList.of(), depth + 1));
        }
        return best(candidates)
            .map(
                source ->
                    new Source(
                        source.kind(),
                        traced(source, "returned by `" + displayName(method) + "`"),
                        locals,
                        source.passedIn()));
      } finally {
        visiting.remove(method);
      }
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
      Type type = ASTHelpers.getType(newClass);
      if (type != null && !hasValueEquals(type, state)) {
        return Optional.of(new Source(Kind.IDENTITY, identityOf(newClass, type), locals));
      }
      // A record compares its components with their equals: an identity component makes it one.
      // A class with its own equals decides how it compares what it was built from.
      boolean record = type != null && type.tsym instanceof ClassSymbol symbol && symbol.isRecord();
      List<Optional<Source>> candidates = new ArrayList<>(newClass.getArguments().size());
      for (ExpressionTree argument : newClass.getArguments()) {
        Optional<Source> found = of(argument, locals, depth + 1);
        candidates.add(record ? found : found.filter(source -> source.kind() != Kind.IDENTITY));
      }
      return best(candidates);
    }

    private String identityOf(NewClassTree newClass, Type type) {
      if (newClass.getClassBody() != null) {
        return "a new anonymous-class instance (it does not override equals/hashCode, so no two"
            + " are equal)";
      }
      String name = "a new `" + type.tsym.getSimpleName() + "`";
      if (type.tsym instanceof ClassSymbol symbol && ASTHelpers.isRecord(symbol)) {
        return name + " (a record compares its array components by identity)";
      }
      return name + " (it does not override equals/hashCode, so no two are equal)";
    }

    private Optional<Source> ofVariable(
        @Nullable Symbol variable, ImmutableList<Symbol> locals, int depth) {
      if (variable == null) {
        return Optional.empty();
      }
      if (variable.getKind() == ElementKind.PARAMETER) {
        return ofParameter((VarSymbol) variable, locals, depth);
      }
      if (variable.getKind() != ElementKind.LOCAL_VARIABLE
          || code == null
          || !visiting.add(variable)) {
        return Optional.empty();
      }
      ImmutableList<Symbol> through =
          ImmutableList.<Symbol>builder().addAll(locals).add(variable).build();
      try {
        List<ExpressionTree> parts = contributions(variable, code);
        List<Optional<Source>> candidates = new ArrayList<>(parts.size());
        for (ExpressionTree contribution : parts) {
          candidates.add(of(contribution, through, depth + 1));
        }
        return best(candidates);
      } finally {
        visiting.remove(variable);
      }
    }

    /**
     * A parameter: the argument this call bound it to, or else what the calls of its method in the
     * module pass (not for methods a framework calls: it passes what it receives).
     */
    private Optional<Source> ofParameter(
        VarSymbol parameter, ImmutableList<Symbol> locals, int depth) {
      Binding binding = bindings.get(parameter);
      if (binding != null) {
        return binding.context().of(binding.argument(), locals, depth + 1);
      }
      ModuleCallSites module = ModuleCallSites.of(state);
      // A lambda's parameter can belong to a method symbol with no type (javac's placeholder
      // while it attributes the lambda): nothing to follow.
      if (!(parameter.owner instanceof MethodSymbol method)
          || method.type == null
          || hops >= MAX_HOPS
          || !module.complete()
          || !visiting.add(parameter)) {
        return Optional.empty();
      }
      try {
        int index = method.getParameters().indexOf(parameter);
        if (HotPaths.isEntryPoint(method, state, OomGuardFlags.defaults())) {
          return perRequestObject(parameter, method, locals);
        }
        if (index < 0
            || overridesOutsideTheModule(method, module, state)
            || (method.isVarArgs() && index == method.getParameters().size() - 1)) {
          return Optional.empty();
        }
        List<TreePath> calls = module.callsTo(method, state);
        List<Optional<Source>> candidates = new ArrayList<>(calls.size());
        for (TreePath call : calls) {
          List<? extends ExpressionTree> arguments = arguments(call.getLeaf());
          if (!mayFollow()) {
            break;
          }
          if (arguments == null
              || arguments.size() <= index
              || Callers.of(call, state) == Callers.Reach.START_UP) {
            continue; // a method reference, or a call made once at start-up
          }
          Analysis caller =
              new Analysis(
                  state,
                  enclosingCode(call),
                  call.getCompilationUnit(),
                  visiting,
                  Map.of(),
                  hops + 1,
                  followed);
          Optional<Source> found = caller.of(arguments.get(index), ImmutableList.of(), depth + 1);
          candidates.add(
              found.map(
                  source ->
                      new Source(
                          source.kind(),
                          traced(
                              source,
                              "passed in as `"
                                  + parameter.getSimpleName()
                                  + "` by `"
                                  + callerName(call)
                                  + "`"),
                          locals,
                          true)));
        }
        return best(candidates);
      } finally {
        visiting.remove(parameter);
      }
    }

    /**
     * A parameter of a request handler: the framework makes a new object for every request, so a
     * class without value equals (a request body bound to a class that does not override equals) is
     * a new identity per request. Interfaces are left alone: their implementations may compare by
     * value.
     */
    private Optional<Source> perRequestObject(
        VarSymbol parameter, MethodSymbol handler, ImmutableList<Symbol> locals) {
      Type type = parameter.type;
      if (!(type.tsym instanceof ClassSymbol symbol)
          || symbol.isInterface()
          || type.isPrimitive()
          || ASTHelpers.isSameType(type, state.getSymtab().objectType, state)
          || KeyDomains.isClosedType(type, state)
          || hasValueEquals(type, state)) {
        return Optional.empty(); // any object, a class, a value: not known to be new per request
      }
      return Optional.of(
          new Source(
              Kind.IDENTITY,
              "`"
                  + parameter.getSimpleName()
                  + "`, the `"
                  + symbol.getSimpleName()
                  + "` request handler `"
                  + displayName(handler)
                  + "` receives (a new object per request, and `"
                  + symbol.getSimpleName()
                  + "` does not override equals/hashCode)",
              locals));
    }

    /** Whether a lambda or method reference captures a local, a parameter or its instance. */
    private boolean capturesValues(ExpressionTree function) {
      if (function instanceof MemberReferenceTree reference) {
        Symbol target = ASTHelpers.getSymbol(reference);
        ExpressionTree qualifier = reference.getQualifierExpression();
        Symbol qualifierSymbol = ASTHelpers.getSymbol(qualifier);
        boolean typeQualified = qualifierSymbol instanceof ClassSymbol;
        return !(target != null && (target.isStatic() || typeQualified))
            && reference.getMode() != MemberReferenceTree.ReferenceMode.NEW;
      }
      boolean[] captures = {false};
      Set<Symbol> declaredInside = new HashSet<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree node, Void unused) {
          declaredInside.add(ASTHelpers.getSymbol(node));
          return super.visitVariable(node, unused);
        }

        @Override
        public Void visitIdentifier(IdentifierTree node, Void unused) {
          Symbol symbol = ASTHelpers.getSymbol(node);
          if (symbol != null
              && !declaredInside.contains(symbol)
              && (symbol.getKind() == ElementKind.LOCAL_VARIABLE
                  || symbol.getKind() == ElementKind.PARAMETER
                  || node.getName().contentEquals("this")
                  || ((symbol.getKind() == ElementKind.FIELD
                          || symbol.getKind() == ElementKind.METHOD)
                      && !symbol.isStatic()))) {
            captures[0] = true;
          }
          return null;
        }
      }.scan(function, null);
      return captures[0];
    }

    private String source(Tree tree) {
      String text =
          unit == state.getPath().getCompilationUnit()
              ? state.getSourceForNode(tree)
              : tree.toString();
      if (text == null) {
        text = tree.toString();
      }
      text = text.replaceAll("\\s+", " ");
      return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
  }

  /**
   * The description, with where the value came from when it is the first step out of the method
   * that made it (later steps add nothing a reader needs).
   */
  private static String traced(Source source, String step) {
    return source.description().endsWith("`)")
            && (source.description().contains(" (passed in as `")
                || source.description().contains(" (returned by `"))
        ? source.description()
        : source.description() + " (" + step + ")";
  }

  /** Whether a subclass or implementation in the module may replace {@code method}'s body. */
  private static boolean mayBeOverridden(
      MethodSymbol method, ModuleCallSites module, VisitorState state) {
    if (method.isStatic()
        || method.isConstructor()
        || (method.flags() & (Flags.PRIVATE | Flags.FINAL)) != 0
        || (method.enclClass().flags() & Flags.FINAL) != 0) {
      return false;
    }
    if ((method.flags() & Flags.ABSTRACT) != 0) {
      return true;
    }
    for (ClassSymbol type : module.classes()) {
      if (type != method.enclClass() && type.isSubClass(method.enclClass(), state.getTypes())) {
        return true;
      }
    }
    return false;
  }

  private static boolean overridesOutsideTheModule(
      MethodSymbol method, ModuleCallSites module, VisitorState state) {
    if (method.isStatic() || method.isConstructor()) {
      return false;
    }
    for (MethodSymbol overridden : ASTHelpers.findSuperMethods(method, state.getTypes())) {
      if (!module.isInSource(overridden)) {
        return true;
      }
    }
    return false;
  }

  /** The expressions {@code method}'s {@code return} statements give (not its lambdas'). */
  private static List<ExpressionTree> returns(MethodTree method) {
    List<ExpressionTree> returned = new ArrayList<>();
    new OwnCode.Scanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        if (node.getExpression() != null) {
          returned.add(node.getExpression());
        }
        return null;
      }
    }.scan(method.getBody(), null);
    return returned;
  }

  private static @Nullable List<? extends ExpressionTree> arguments(Tree call) {
    if (call instanceof MethodInvocationTree invocation) {
      return invocation.getArguments();
    }
    if (call instanceof NewClassTree newClass) {
      return newClass.getArguments();
    }
    return null;
  }

  /** {@code Owner.method}, the way messages name methods. */
  private static String displayName(MethodSymbol method) {
    String owner = method.owner.getSimpleName().toString();
    String name = method.isConstructor() ? owner : method.getSimpleName().toString();
    return owner.isEmpty() ? name : owner + "." + name;
  }

  /** The method around a call, as {@code Owner.method}. */
  private static String callerName(TreePath call) {
    for (TreePath p = call; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree method && ASTHelpers.getSymbol(method) != null) {
        return displayName(ASTHelpers.getSymbol(method));
      }
    }
    return "an initializer";
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
    if (symbol.getKind() == ElementKind.ENUM) {
      return true;
    }
    if (ASTHelpers.isRecord(symbol)) {
      // A record's equals compares array components by identity, unless it declares its own.
      return declaresEquals(symbol, state)
          || symbol.getRecordComponents().stream()
              .noneMatch(component -> component.type instanceof Type.ArrayType);
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
      if (declaresEquals(owner, state)) {
        return true;
      }
    }
    return true; // an unresolved supertype: assume the best
  }

  private static boolean declaresEquals(ClassSymbol owner, VisitorState state) {
    Type objectType = state.getSymtab().objectType;
    for (Symbol member : owner.members().getSymbolsByName(state.getName("equals"))) {
      if (member instanceof MethodSymbol equals
          && (equals.flags() & (Flags.GENERATED_MEMBER | Flags.RECORD)) == 0
          && equals.getParameters().size() == 1
          && ASTHelpers.isSameType(equals.getParameters().get(0).type, objectType, state)) {
        return true;
      }
    }
    return false;
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
