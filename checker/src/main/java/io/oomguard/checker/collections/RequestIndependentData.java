package io.oomguard.checker.collections;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Attribute;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import io.oomguard.checker.OwnCode;
import io.oomguard.checker.hotpath.ModuleClasses;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Tells data that is the same on every call from data that is not, for the code of one method: what
 * a rebuild in hot code is made from.
 *
 * <p>The same on every call: literals and constants; enum constants; fields that only the code
 * setting objects up writes ({@link FieldWrites}), static ones, and instance ones of an object that
 * is itself the same on every call (the caller says whether the running object is) or whose set-up
 * values are themselves the same on every call; configuration: Spring bean lookups ({@code
 * ObjectProvider}, {@code BeanFactory}), {@code Environment} properties, and objects of a type
 * annotated or named as configuration ({@code @ConfigurationProperties}, {@code ...Config}, {@code
 * ...Properties}, {@code ...Settings}); what a method returns when its body returns such data (a
 * getter, {@code getInstance()}), in any class of the compilation; reads of the JDK's and Guava's
 * collections, strings and values, pure factories ({@code List.of}, {@code Arrays.asList}) and
 * static methods of the module, given such data; effectively final locals initialized from it;
 * variables captured from a method that is not hot itself (a filter built once from a route's
 * configuration); and parameters of a method that is not hot, or of a private method every caller
 * of which passes such data.
 *
 * <p>Not the same on every call: parameters of the hot method (the request), results of any other
 * call (a repository, DAO, service or client returns fresh data), fields other code assigns or
 * changes (a registry filled at run time: copying it is a snapshot, not a rebuild), and instance
 * fields of an object made anew per call.
 */
public final class RequestIndependentData {
  /** Classes whose static methods compute their result from their arguments alone. */
  private static final ImmutableSet<String> PURE_CLASSES =
      ImmutableSet.of(
          "java.lang.String",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Short",
          "java.lang.Byte",
          "java.lang.Double",
          "java.lang.Float",
          "java.lang.Boolean",
          "java.lang.Character",
          "java.lang.Math",
          "java.lang.Enum",
          "java.util.List",
          "java.util.Set",
          "java.util.Map",
          "java.util.Arrays",
          "java.util.Collections",
          "java.util.EnumSet",
          "java.util.Objects",
          "java.util.Optional",
          "java.util.Comparator",
          "java.util.function.Function",
          "java.util.stream.Stream",
          "java.util.stream.IntStream",
          "java.util.stream.Collectors",
          "java.util.regex.Pattern",
          "java.time.Duration",
          "java.time.Period",
          "java.time.ZoneId",
          "java.nio.charset.Charset",
          "com.google.common.collect.ImmutableList",
          "com.google.common.collect.ImmutableSet",
          "com.google.common.collect.ImmutableMap",
          "com.google.common.collect.ImmutableSortedSet",
          "com.google.common.collect.ImmutableSortedMap",
          "com.google.common.collect.Lists",
          "com.google.common.collect.Sets",
          "com.google.common.collect.Maps",
          "com.google.common.collect.Iterables",
          "com.google.common.base.Splitter",
          "com.google.common.base.Joiner");

  /** Static methods whose result changes from call to call, whatever their arguments. */
  private static final ImmutableSet<String> NON_REPEATING =
      ImmutableSet.of("random", "now", "currentTimeMillis", "nanoTime", "randomUUID", "shuffle");

  /** Types whose instance methods only read the value or collection they are called on. */
  private static final ImmutableSet<String> READ_ONLY_TYPES =
      ImmutableSet.of(
          "java.util.Collection",
          "java.util.Map",
          "java.util.Map.Entry",
          "java.lang.Iterable",
          "java.lang.CharSequence",
          "java.lang.Number",
          "java.lang.Boolean",
          "java.lang.Character",
          "java.lang.Enum",
          "java.util.Optional",
          "java.util.stream.BaseStream",
          "java.util.regex.Pattern",
          "java.time.temporal.TemporalAmount",
          "com.google.common.collect.Multimap");

  /** Spring's lookups of beans and properties: configuration, fixed once the context is up. */
  private static final Matcher<ExpressionTree> CONFIGURATION_LOOKUP =
      anyOf(
          instanceMethod()
              .onDescendantOf("org.springframework.beans.factory.ObjectProvider")
              .namedAnyOf("orderedStream", "stream", "getObject", "getIfAvailable", "getIfUnique"),
          instanceMethod()
              .onDescendantOf("org.springframework.beans.factory.BeanFactory")
              .namedAnyOf("getBean", "getBeanProvider"),
          instanceMethod()
              .onDescendantOf("org.springframework.beans.factory.ListableBeanFactory")
              .namedAnyOf(
                  "getBeansOfType",
                  "getBeanNamesForType",
                  "getBeansWithAnnotation",
                  "getBeanDefinitionNames"),
          instanceMethod()
              .onDescendantOf("org.springframework.core.env.PropertyResolver")
              .namedAnyOf("getProperty", "getRequiredProperty", "containsProperty"));

  /** Annotations that make a class a configuration object. */
  private static final ImmutableSet<String> CONFIGURATION_ANNOTATIONS =
      ImmutableSet.of(
          "org.springframework.boot.context.properties.ConfigurationProperties",
          "io.micronaut.context.annotation.ConfigurationProperties",
          "io.smallrye.config.ConfigMapping");

  /** How names of configuration types end. */
  private static final ImmutableSet<String> CONFIGURATION_SUFFIXES =
      ImmutableSet.of("Config", "Configuration", "Properties", "Settings", "Options");

  private static final int SMALL_CONSTANT_SIZE = 16;
  private static final int MAX_DEPTH = 6;

  private final VisitorState state;

  /** The method whose code is analyzed; null for field initializers and initializer blocks. */
  private final @Nullable TreePath method;

  /** Whether the object running the method is the same on every call. */
  private final boolean thisIsStable;

  /** Whether the code analyzed is in a lambda or class nested in the method, not its own body. */
  private final boolean nested;

  /** Whether the code at a path runs per request or per item (the hot-path model). */
  private final Predicate<TreePath> runsHot;

  private final Map<VarSymbol, ExpressionTree> initializers = new HashMap<>();
  private final Map<VarSymbol, TreePath> initializerPaths = new HashMap<>();
  private final Set<VarSymbol> reassigned = new HashSet<>();
  private final Set<VarSymbol> declaredInside = new HashSet<>();

  /** Calls on a local that give it arguments: it holds their data too. */
  private final Map<VarSymbol, List<MethodInvocationTree>> callsGiven = new HashMap<>();

  /** Variables known to hold the same data on every call: elements of such data, bound params. */
  private final Set<VarSymbol> independent = new HashSet<>();

  private final Map<Symbol, Boolean> verdicts = new HashMap<>();

  private RequestIndependentData(
      @Nullable TreePath method,
      VisitorState state,
      boolean thisIsStable,
      boolean nested,
      Predicate<TreePath> runsHot) {
    this.state = state;
    this.method = method;
    this.thisIsStable = thisIsStable;
    this.nested = nested;
    this.runsHot = runsHot;
    if (method == null) {
      return;
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        VarSymbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null) {
          declaredInside.add(symbol);
          if (tree.getInitializer() != null) {
            initializers.put(symbol, tree.getInitializer());
            initializerPaths.put(symbol, new TreePath(getCurrentPath(), tree.getInitializer()));
          }
        }
        return super.visitVariable(tree, unused);
      }

      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        markReassigned(tree.getVariable());
        return super.visitAssignment(tree, unused);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        markReassigned(tree.getVariable());
        return super.visitCompoundAssignment(tree, unused);
      }

      @Override
      public Void visitUnary(UnaryTree tree, Void unused) {
        markReassigned(tree.getExpression());
        return super.visitUnary(tree, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        // A local collection filled after it is made holds more than its initializer says; an
        // object a call is given data to (properties.load(body)) may hold that data.
        if (tree.getMethodSelect() instanceof MemberSelectTree select
            && ASTHelpers.getSymbol(select.getExpression()) instanceof VarSymbol receiver
            && LocalVariables.isLocal(receiver)) {
          String name = select.getIdentifier().toString();
          if (CollectionMethods.GROWING.contains(name)
              || CollectionMethods.CHANGING.contains(name)) {
            markReassigned(select.getExpression());
          } else if (!tree.getArguments().isEmpty()) {
            callsGiven.computeIfAbsent(receiver, k -> new ArrayList<>()).add(tree);
          }
        }
        for (int i = 0; i < tree.getArguments().size(); i++) {
          if (ASTHelpers.getSymbol(tree.getArguments().get(i)) instanceof VarSymbol argument
              && LocalVariables.isLocal(argument)
              && mayFill(tree, i)) {
            reassigned.add(argument);
          }
        }
        return super.visitMethodInvocation(tree, unused);
      }

      private void markReassigned(ExpressionTree variable) {
        if (ASTHelpers.getSymbol(variable) instanceof VarSymbol symbol
            && isLocalOrParameter(symbol)) {
          reassigned.add(symbol);
        }
      }
    }.scan(method, null);
  }

  /**
   * The analysis for the code of the method (or field initializer) around {@code path}; {@code
   * thisIsStable} says whether the object running it is the same on every call (a singleton, or the
   * origin's own object), {@code runsHot} whether code runs per request or per item.
   */
  public static RequestIndependentData around(
      TreePath path, VisitorState state, boolean thisIsStable, Predicate<TreePath> runsHot) {
    TreePath method = enclosingMethod(path);
    boolean nested = false;
    for (TreePath current = path;
        current != null && current != method;
        current = current.getParentPath()) {
      nested |= current.getLeaf() instanceof LambdaExpressionTree;
    }
    return new RequestIndependentData(method, state, thisIsStable, nested, runsHot);
  }

  /** The same analysis, with {@code elements} known to hold elements of such data. */
  public RequestIndependentData withElements(Set<VarSymbol> elements) {
    independent.addAll(elements);
    return this;
  }

  /** Whether {@code expression} evaluates to data that is the same on every call. */
  public boolean isIndependent(ExpressionTree expression) {
    return isIndependent(expression, 0);
  }

  private boolean isIndependent(@Nullable ExpressionTree expression, int depth) {
    if (expression == null || depth > MAX_DEPTH) {
      return false;
    }
    ExpressionTree tree = LocalVariables.skipParens(expression);
    if (ASTHelpers.constValue(tree) != null || tree instanceof LiteralTree) {
      return true;
    }
    switch (tree.getKind()) {
      case TYPE_CAST -> {
        return isIndependent(((TypeCastTree) tree).getExpression(), depth + 1);
      }
      case CONDITIONAL_EXPRESSION -> {
        ConditionalExpressionTree conditional = (ConditionalExpressionTree) tree;
        return isIndependent(conditional.getCondition(), depth + 1)
            && isIndependent(conditional.getTrueExpression(), depth + 1)
            && isIndependent(conditional.getFalseExpression(), depth + 1);
      }
      case INSTANCE_OF -> {
        return isIndependent(((InstanceOfTree) tree).getExpression(), depth + 1);
      }
      case ARRAY_ACCESS -> {
        ArrayAccessTree access = (ArrayAccessTree) tree;
        return isIndependent(access.getExpression(), depth + 1)
            && isIndependent(access.getIndex(), depth + 1);
      }
      case NEW_ARRAY -> {
        NewArrayTree array = (NewArrayTree) tree;
        return array.getInitializers() != null
            && array.getInitializers().stream().allMatch(e -> isIndependent(e, depth + 1));
      }
      case LAMBDA_EXPRESSION -> {
        return isIndependentFunction((LambdaExpressionTree) tree, depth);
      }
      case MEMBER_REFERENCE -> {
        return isIndependentReference((MemberReferenceTree) tree, depth);
      }
      case NEW_CLASS -> {
        NewClassTree creation = (NewClassTree) tree;
        return creation.getClassBody() == null
            && creation.getEnclosingExpression() == null
            && creation.getArguments().stream().allMatch(a -> isIndependent(a, depth + 1));
      }
      case METHOD_INVOCATION -> {
        return isIndependentCall((MethodInvocationTree) tree, depth);
      }
      case IDENTIFIER, MEMBER_SELECT -> {
        return isIndependentName(tree, depth);
      }
      default -> {
        if (tree instanceof BinaryTree binary) {
          return isIndependent(binary.getLeftOperand(), depth + 1)
              && isIndependent(binary.getRightOperand(), depth + 1);
        }
        if (tree instanceof UnaryTree unary) {
          return isIndependent(unary.getExpression(), depth + 1);
        }
        return false;
      }
    }
  }

  private boolean isIndependentName(ExpressionTree tree, int depth) {
    Symbol symbol = ASTHelpers.getSymbol(tree);
    if (symbol == null) {
      return false;
    }
    if (tree instanceof IdentifierTree identifier
        && (identifier.getName() == state.getNames()._this
            || identifier.getName() == state.getNames()._super)) {
      return thisIsStable;
    }
    if (symbol instanceof Symbol.TypeSymbol || symbol.getKind() == ElementKind.PACKAGE) {
      return true; // a type name, as in Type.FIELD or Type.class
    }
    if (symbol.getKind() == ElementKind.ENUM_CONSTANT) {
      return true;
    }
    if (!(symbol instanceof VarSymbol variable)) {
      return false;
    }
    if (symbol.getKind() == ElementKind.FIELD) {
      if (tree instanceof MemberSelectTree select && !symbol.isStatic()) {
        ExpressionTree receiver = select.getExpression();
        boolean onThis =
            receiver instanceof IdentifierTree name && name.getName() == state.getNames()._this
                || receiver instanceof MemberSelectTree qualified
                    && qualified.getIdentifier() == state.getNames()._this;
        return onThis
            ? isIndependentField(variable, thisIsStable, depth)
            : isIndependent(receiver, depth + 1) && isIndependentField(variable, true, depth);
      }
      return isIndependentField(variable, thisIsStable || symbol.isStatic(), depth);
    }
    if (independent.contains(variable)) {
      return true;
    }
    if (declaredInside.contains(variable) && symbol.getKind() != ElementKind.PARAMETER) {
      return !reassigned.contains(variable)
          && symbol.getKind() != ElementKind.EXCEPTION_PARAMETER
          && isIndependent(initializers.get(variable), depth + 1)
          && callsGiven.getOrDefault(variable, List.of()).stream()
              .allMatch(
                  call -> call.getArguments().stream().allMatch(a -> isIndependent(a, depth + 1)));
    }
    if (symbol.getKind() == ElementKind.PARAMETER) {
      return isIndependentParameter(variable, depth);
    }
    // A variable of an enclosing method, captured by a lambda, local or anonymous class: fixed for
    // the life of the object that captured it, when that method itself runs only at set-up.
    return isLocalOrParameter(variable) && capturedFromColdCode(variable);
  }

  private static boolean isLocalOrParameter(Symbol symbol) {
    return LocalVariables.isLocal(symbol) || symbol.getKind() == ElementKind.PARAMETER;
  }

  /** Whether {@code variable} is declared in a method that does not run per request or item. */
  private boolean capturedFromColdCode(VarSymbol variable) {
    // Java captures only (effectively) final variables: the value is fixed where it is captured.
    // A lambda's parameter is not: it takes a new value on every call of the lambda.
    TreePath declaration = JavacTrees.instance(state.context).getPath(variable);
    if (declaration == null
        || declaration.getParentPath() == null
        || declaration.getParentPath().getLeaf() instanceof LambdaExpressionTree) {
      return false;
    }
    TreePath declaringMethod = enclosingMethod(declaration);
    return declaringMethod != null
        && declaringMethod.getLeaf() instanceof MethodTree declared
        && declared.getBody() != null
        && !runsHot.test(new TreePath(declaringMethod, declared.getBody()));
  }

  /**
   * A parameter of the analyzed method: the same on every call when the method does not run per
   * request or item itself (only code it creates does), or when it is private and every call in its
   * class passes such data.
   */
  private boolean isIndependentParameter(VarSymbol parameter, int depth) {
    if (independent.contains(parameter)) {
      return true;
    }
    if (reassigned.contains(parameter)) {
      return false;
    }
    if (method == null
        || !(method.getLeaf() instanceof MethodTree tree)
        || !tree.getParameters().stream().anyMatch(p -> ASTHelpers.getSymbol(p) == parameter)) {
      return isLocalOrParameter(parameter) && capturedFromColdCode(parameter);
    }
    if (nested && tree.getBody() != null && !runsHot.test(new TreePath(method, tree.getBody()))) {
      return true; // the hot code is a lambda or class the method builds once, capturing it
    }
    MethodSymbol symbol = ASTHelpers.getSymbol(tree);
    if (symbol == null || (symbol.flags() & Flags.PRIVATE) == 0 || depth >= MAX_DEPTH) {
      return false;
    }
    int index = -1;
    for (int i = 0; i < tree.getParameters().size(); i++) {
      if (ASTHelpers.getSymbol(tree.getParameters().get(i)) == parameter) {
        index = i;
      }
    }
    if (index < 0) {
      return false;
    }
    List<TreePath> calls = CallSites.of(symbol, method, state);
    if (calls.isEmpty()) {
      return false;
    }
    for (TreePath call : calls) {
      List<? extends ExpressionTree> arguments =
          call.getLeaf() instanceof MethodInvocationTree invocation
              ? invocation.getArguments()
              : ((NewClassTree) call.getLeaf()).getArguments();
      if (arguments.size() <= index
          || !around(call, state, thisIsStable, runsHot)
              .isIndependent(arguments.get(index), depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A field: written only by set-up code, and either static, held by an object that is the same on
   * every call, or given set-up values that are themselves the same on every call (a set built from
   * constants in a field initializer).
   */
  private boolean isIndependentField(VarSymbol field, boolean holderIsStable, int depth) {
    Optional<FieldWrites.Field> writes = FieldWrites.of(field, state);
    if (writes.isEmpty()) {
      // A library's field: its constants, unless they are collections someone may change.
      return field.isStatic()
          && (field.flags() & Flags.FINAL) != 0
          && !Rebuilds.isCollection(field.type, state)
          && !(field.type instanceof Type.ArrayType);
    }
    if (!writes.get().writtenOnlyAtSetUp()) {
      return false;
    }
    if (holderIsStable) {
      return true;
    }
    Boolean known = verdicts.get(field);
    if (known != null) {
      return known;
    }
    verdicts.put(field, false); // a field set from itself is not known to be the same
    boolean result = !writes.get().initialValues().isEmpty();
    for (TreePath value : writes.get().initialValues()) {
      // An empty collection made at set-up is filled by someone, somewhere: not known data.
      if (value.getLeaf() instanceof NewClassTree creation
          && creation.getArguments().isEmpty()
          && Rebuilds.isCollection(ASTHelpers.getType(creation), state)) {
        result = false;
        break;
      }
      result &=
          around(value, state, false, runsHot)
              .isIndependent((ExpressionTree) value.getLeaf(), depth + 1);
    }
    verdicts.put(field, result);
    return result;
  }

  private boolean isIndependentCall(MethodInvocationTree call, int depth) {
    MethodSymbol callee = ASTHelpers.getSymbol(call);
    if (callee == null) {
      return false;
    }
    for (ExpressionTree argument : call.getArguments()) {
      if (!isIndependent(argument, depth + 1)) {
        return false;
      }
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    if (callee.isStatic()) {
      return isIndependentStaticCall(call, callee, depth);
    }
    boolean receiverIndependent =
        receiver == null ? thisIsStable : isIndependent(receiver, depth + 1);
    if (!receiverIndependent) {
      return false;
    }
    if (CONFIGURATION_LOOKUP.matches(call, state) || isConfiguration(callee.owner)) {
      return true;
    }
    if (receiver != null && isConfiguration(ASTHelpers.getType(receiver))) {
      return true;
    }
    String name = callee.getSimpleName().toString();
    if (isRecordAccessor(callee)) {
      return true;
    }
    if (readsOnly(callee)
        && !CollectionMethods.GROWING.contains(name)
        && !CollectionMethods.CHANGING.contains(name)) {
      return true;
    }
    return returnsIndependentData(callee, call, receiver == null ? thisIsStable : true, depth);
  }

  private boolean isIndependentStaticCall(
      MethodInvocationTree call, MethodSymbol callee, int depth) {
    String name = callee.getSimpleName().toString();
    if (NON_REPEATING.contains(name)) {
      return false;
    }
    Symbol owner = callee.owner;
    String ownerName = owner.getQualifiedName().toString();
    if (PURE_CLASSES.contains(ownerName)
        || (owner.getKind() == ElementKind.ENUM
            && (name.equals("values") || name.equals("valueOf")))) {
      return true;
    }
    MethodTree body = sourceOf(callee);
    if (body == null) {
      return false;
    }
    // The module's own function of values that are the same on every call (a parser, a
    // formatter) gives the same result; one given a session, a client or a repository may fetch
    // fresh data; one of nothing is what its body returns (getInstance()).
    if (call.getArguments().isEmpty()) {
      return returnsIndependentData(callee, call, true, depth);
    }
    return call.getArguments().stream().allMatch(argument -> isValue(ASTHelpers.getType(argument)));
  }

  /**
   * Whether the method, given such arguments on such a receiver, returns data that is the same on
   * every call: a body that returns one expression of such data (a getter, {@code getInstance()}),
   * for the method itself and, for an interface or abstract method, for every implementation the
   * module has.
   */
  private boolean returnsIndependentData(
      MethodSymbol callee, MethodInvocationTree call, boolean receiverStable, int depth) {
    if (depth >= MAX_DEPTH) {
      return false;
    }
    List<MethodSymbol> bodies = new ArrayList<>();
    if (sourceOf(callee) != null && sourceOf(callee).getBody() != null) {
      bodies.add(callee);
    } else if (!callee.isStatic() && callee.owner instanceof ClassSymbol owner) {
      Optional<ModuleClasses> module = ModuleClasses.of(state);
      if (module.isEmpty()) {
        return false;
      }
      for (ClassSymbol subclass : module.get().subclassesOf(owner)) {
        for (Symbol member : subclass.members().getSymbolsByName(callee.name)) {
          if (member instanceof MethodSymbol override
              && override.overrides(callee, subclass, state.getTypes(), true)
              && sourceOf(override) != null
              && sourceOf(override).getBody() != null) {
            bodies.add(override);
          }
        }
      }
    }
    if (bodies.isEmpty()) {
      return false;
    }
    for (MethodSymbol implementation : bodies) {
      TreePath path = JavacTrees.instance(state.context).getPath(implementation);
      MethodTree tree = (MethodTree) path.getLeaf();
      ExpressionTree returned = singleReturn(tree.getBody());
      if (returned == null) {
        return false;
      }
      RequestIndependentData body =
          new RequestIndependentData(path, state, receiverStable, false, runsHot);
      // Its parameters hold this call's arguments, checked above to be the same on every call.
      for (VariableTree parameter : tree.getParameters()) {
        VarSymbol symbol = ASTHelpers.getSymbol(parameter);
        if (symbol != null) {
          body.independent.add(symbol);
        }
      }
      if (!body.isIndependent(returned, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the call may put data into its argument at {@code index}: a method of the project or of
   * a library (a mapper filling a list, a parser filling a map), or one of the JDK's that does
   * ({@code Collections.addAll(list, ...)}, {@code System.arraycopy}); the JDK's and Guava's other
   * methods only read their arguments.
   */
  private static boolean mayFill(MethodInvocationTree call, int index) {
    MethodSymbol callee = ASTHelpers.getSymbol(call);
    if (callee == null) {
      return true;
    }
    String owner = callee.owner.getQualifiedName().toString();
    String name = callee.getSimpleName().toString();
    if (owner.equals("java.util.Collections")) {
      return index == 0
          && ImmutableSet.of("addAll", "sort", "reverse", "shuffle", "fill", "swap", "rotate")
              .contains(name);
    }
    if (owner.equals("java.lang.System")) {
      return name.equals("arraycopy") && index == 2;
    }
    if (owner.equals("java.util.Arrays")) {
      return index == 0 && (name.equals("fill") || name.equals("sort") || name.equals("setAll"));
    }
    return !owner.startsWith("java.") && !owner.startsWith("com.google.common.");
  }

  /** The expression a body returns when it is a single return statement. */
  private static @Nullable ExpressionTree singleReturn(@Nullable BlockTree body) {
    if (body == null || body.getStatements().size() != 1) {
      return null;
    }
    StatementTree only = body.getStatements().get(0);
    return only instanceof ReturnTree returned ? returned.getExpression() : null;
  }

  private @Nullable MethodTree sourceOf(MethodSymbol method) {
    Tree tree;
    try {
      tree = JavacTrees.instance(state.context).getTree(method);
    } catch (RuntimeException e) {
      return null;
    }
    return tree instanceof MethodTree methodTree ? methodTree : null;
  }

  /** The accessor of a record's component: it returns the component. */
  private static boolean isRecordAccessor(MethodSymbol method) {
    if (!(method.owner instanceof ClassSymbol owner)
        || !owner.isRecord()
        || !method.getParameters().isEmpty()) {
      return false;
    }
    for (Symbol.RecordComponent component : owner.getRecordComponents()) {
      if (component.getSimpleName().equals(method.getSimpleName())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A value rather than an object that does work: a primitive, a string, an enum, a record, a
   * {@code java.time} value, a class literal, or a collection or array of them.
   */
  private boolean isValue(@Nullable Type type) {
    if (type == null) {
      return false;
    }
    if (type.isPrimitive() || type instanceof Type.ArrayType) {
      return true;
    }
    if (!(type.tsym instanceof ClassSymbol symbol)) {
      return false;
    }
    String name = symbol.getQualifiedName().toString();
    return symbol.getKind() == ElementKind.ENUM
        || symbol.isRecord()
        || name.startsWith("java.lang.")
        || name.startsWith("java.time.")
        || Rebuilds.isCollection(type, state);
  }

  /** A method of the JDK's or Guava's collections, strings or values, which only reads. */
  private boolean readsOnly(MethodSymbol callee) {
    if (!(callee.owner instanceof ClassSymbol owner)) {
      return false;
    }
    for (String name : READ_ONLY_TYPES) {
      Type type = state.getTypeFromString(name);
      if (type != null && ASTHelpers.isSubtype(owner.type, state.getTypes().erasure(type), state)) {
        return owner.getQualifiedName().toString().startsWith("java.")
            || owner.getQualifiedName().toString().startsWith("com.google.common.");
      }
    }
    return callee.getSimpleName().contentEquals("toString")
        || callee.getSimpleName().contentEquals("hashCode");
  }

  private boolean isConfiguration(@Nullable Type type) {
    return type != null && isConfiguration(type.tsym);
  }

  /** A type annotated or named as configuration. */
  private static boolean isConfiguration(@Nullable Symbol type) {
    if (!(type instanceof ClassSymbol symbol)) {
      return false;
    }
    for (Attribute.Compound annotation : symbol.getAnnotationMirrors()) {
      if (CONFIGURATION_ANNOTATIONS.contains(annotation.type.tsym.getQualifiedName().toString())) {
        return true;
      }
    }
    String name = symbol.getSimpleName().toString();
    return CONFIGURATION_SUFFIXES.stream().anyMatch(name::endsWith);
  }

  /**
   * A lambda whose result is the same on every call given its parameters: every variable it reads
   * is such data, and what it returns is.
   */
  private boolean isIndependentFunction(LambdaExpressionTree lambda, int depth) {
    for (VariableTree parameter : lambda.getParameters()) {
      VarSymbol symbol = ASTHelpers.getSymbol(parameter);
      if (symbol != null) {
        independent.add(symbol);
      }
    }
    if (lambda.getBody() instanceof ExpressionTree expression) {
      return isIndependent(expression, depth + 1);
    }
    boolean[] result = {true};
    new OwnCode.Scanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree tree, Void unused) {
        result[0] &= tree.getExpression() == null || isIndependent(tree.getExpression(), depth + 1);
        return null;
      }
    }.scan(lambda.getBody(), null);
    return result[0] && readsOnlyIndependentData(lambda.getBody(), depth);
  }

  /** A method reference whose result is the same given the same argument. */
  private boolean isIndependentReference(MemberReferenceTree reference, int depth) {
    Symbol target = ASTHelpers.getSymbol(reference);
    if (!(target instanceof MethodSymbol method)) {
      return false;
    }
    ExpressionTree qualifier = reference.getQualifierExpression();
    Symbol qualifierSymbol = ASTHelpers.getSymbol(qualifier);
    boolean onType = qualifierSymbol instanceof Symbol.TypeSymbol;
    if (!onType && !isIndependent(qualifier, depth + 1)) {
      return false; // bound to an object that changes
    }
    String name = method.getSimpleName().toString();
    if (method.isStatic()) {
      return !NON_REPEATING.contains(name)
          && (PURE_CLASSES.contains(method.owner.getQualifiedName().toString())
              || sourceOf(method) != null);
    }
    if (method.isConstructor()) {
      return !Rebuilds.isCollection(method.owner.type, state);
    }
    if (CollectionMethods.GROWING.contains(name) || CollectionMethods.CHANGING.contains(name)) {
      return false;
    }
    if (readsOnly(method) || isConfiguration(method.owner) || isRecordAccessor(method)) {
      return true;
    }
    // Product::sku on an element: the getter of the element's own data.
    MethodTree body = sourceOf(method);
    if (body == null || singleReturn(body.getBody()) == null) {
      return false;
    }
    TreePath path = JavacTrees.instance(state.context).getPath(method);
    RequestIndependentData callee = new RequestIndependentData(path, state, true, false, runsHot);
    for (VariableTree parameter : body.getParameters()) {
      VarSymbol symbol = ASTHelpers.getSymbol(parameter);
      if (symbol != null) {
        callee.independent.add(symbol);
      }
    }
    return callee.isIndependent(singleReturn(body.getBody()), depth + 1);
  }

  /**
   * Whether every variable the code under {@code tree} reads holds data that is the same on every
   * call, apart from the variables declared inside it and those in {@code allowed}: the code reads
   * nothing from the request, and nothing that changes between calls.
   */
  public boolean readsOnlyIndependentData(TreePath tree, Set<VarSymbol> allowed) {
    independent.addAll(allowed);
    return readsOnlyIndependentData(tree.getLeaf(), 0);
  }

  private boolean readsOnlyIndependentData(Tree tree, int depth) {
    Set<VarSymbol> inside = new HashSet<>();
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree variable, Void unused) {
        VarSymbol symbol = ASTHelpers.getSymbol(variable);
        if (symbol != null) {
          inside.add(symbol);
        }
        return super.visitVariable(variable, unused);
      }

      @Override
      public Void visitIdentifier(IdentifierTree identifier, Void unused) {
        check(identifier);
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree select, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(select);
        if (symbol instanceof VarSymbol && symbol.getKind() == ElementKind.FIELD) {
          check(select);
          return null;
        }
        return super.visitMemberSelect(select, unused);
      }

      private void check(ExpressionTree name) {
        Symbol symbol = ASTHelpers.getSymbol(name);
        if (symbol instanceof VarSymbol variable
            && !inside.contains(variable)
            && !independent.contains(variable)
            && !isIndependent(name, depth + 1)) {
          found[0] = true;
        }
      }
    }.scan(tree, null);
    return !found[0];
  }

  /**
   * Whether {@code expression} is a small constant collection: a field such as {@code static final
   * List<String> ADMINS = List.of("root", "ops")}, or such a factory call written in place: copying
   * it is cheap.
   */
  public boolean isSmallConstant(ExpressionTree expression) {
    ExpressionTree tree = LocalVariables.skipParens(expression);
    Symbol symbol = ASTHelpers.getSymbol(tree);
    if (!(symbol instanceof VarSymbol field) || symbol.getKind() != ElementKind.FIELD) {
      int count = constants(tree, 0);
      return tree instanceof MethodInvocationTree && count >= 0 && count <= SMALL_CONSTANT_SIZE;
    }
    if (!field.isStatic() || (field.flags() & Flags.FINAL) == 0) {
      return false;
    }
    Tree declaration = JavacTrees.instance(state.context).getTree(field);
    if (!(declaration instanceof VariableTree variable) || variable.getInitializer() == null) {
      return false;
    }
    int count = constants(variable.getInitializer(), 0);
    return count >= 0 && count <= SMALL_CONSTANT_SIZE;
  }

  /**
   * How many constants an expression made only of constants holds ({@code List.of("a", "b")}: 2,
   * {@code Stream.of(A, B).collect(toSet())}: 2), or -1 when it holds anything else.
   */
  private static int constants(ExpressionTree expression, int depth) {
    ExpressionTree tree = LocalVariables.skipParens(expression);
    if (depth > MAX_DEPTH) {
      return -1;
    }
    if (ASTHelpers.constValue(tree) != null || tree instanceof LiteralTree) {
      return 1;
    }
    Symbol symbol = ASTHelpers.getSymbol(tree);
    if (tree instanceof MemberReferenceTree) {
      return 0; // a function, not data
    }
    if ((tree instanceof IdentifierTree || tree instanceof MemberSelectTree) && symbol != null) {
      if (symbol instanceof Symbol.TypeSymbol) {
        return 0; // a type's name, as in List.of(...)
      }
      if (symbol.getKind() == ElementKind.ENUM_CONSTANT) {
        return 1;
      }
      return symbol instanceof VarSymbol constant
              && constant.isStatic()
              && (constant.flags() & Flags.FINAL) != 0
              && (constant.type.isPrimitive()
                  || constant.type.tsym.getQualifiedName().contentEquals("java.lang.String"))
          ? 1
          : -1;
    }
    List<? extends ExpressionTree> parts;
    int count = 0;
    if (tree instanceof MethodInvocationTree call) {
      parts = call.getArguments();
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      if (receiver != null) {
        int inReceiver = constants(receiver, depth + 1);
        if (inReceiver < 0) {
          return -1;
        }
        count += inReceiver;
      }
    } else if (tree instanceof NewClassTree creation && creation.getClassBody() == null) {
      parts = creation.getArguments();
    } else if (tree instanceof NewArrayTree array && array.getInitializers() != null) {
      parts = array.getInitializers();
    } else {
      return -1;
    }
    for (ExpressionTree part : parts) {
      int inPart = constants(part, depth + 1);
      if (inPart < 0) {
        return -1;
      }
      count += inPart;
    }
    return count;
  }

  /** The innermost method around {@code path}, or null in a field initializer or class body. */
  private static @Nullable TreePath enclosingMethod(TreePath path) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      if (current.getLeaf() instanceof MethodTree) {
        return current;
      }
      if (current.getLeaf() instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  /** The invocations of a private method in its top-level class, found once per class. */
  private static final class CallSites {
    private static final io.oomguard.checker.PerCompilation<Map<MethodSymbol, List<TreePath>>>
        KNOWN = new io.oomguard.checker.PerCompilation<>(HashMap::new);

    private static final io.oomguard.checker.PerCompilation<Set<Symbol>> SCANNED =
        new io.oomguard.checker.PerCompilation<>(HashSet::new);

    static List<TreePath> of(MethodSymbol method, TreePath inClass, VisitorState state) {
      Map<MethodSymbol, List<TreePath>> known = KNOWN.get(state);
      ClassSymbol topLevel = ASTHelpers.outermostClass(method);
      if (SCANNED.get(state).add(topLevel)) {
        TreePath root = inClass;
        while (root.getParentPath() != null
            && !(root.getParentPath().getLeaf()
                instanceof com.sun.source.tree.CompilationUnitTree)) {
          root = root.getParentPath();
        }
        new TreePathScanner<Void, Void>() {
          @Override
          public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
            MethodSymbol callee = ASTHelpers.getSymbol(tree);
            if (callee != null && (callee.flags() & Flags.PRIVATE) != 0) {
              known.computeIfAbsent(callee, k -> new ArrayList<>()).add(getCurrentPath());
            }
            return super.visitMethodInvocation(tree, unused);
          }

          @Override
          public Void visitNewClass(NewClassTree tree, Void unused) {
            MethodSymbol constructor = ASTHelpers.getSymbol(tree);
            if (constructor != null && (constructor.flags() & Flags.PRIVATE) != 0) {
              known.computeIfAbsent(constructor, k -> new ArrayList<>()).add(getCurrentPath());
            }
            return super.visitNewClass(tree, unused);
          }

          @Override
          public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
            // A private method passed as a function: its callers are not all known.
            Symbol target = ASTHelpers.getSymbol(tree);
            if (target instanceof MethodSymbol referenced) {
              known.computeIfAbsent(referenced, k -> new ArrayList<>()).add(null);
            }
            return super.visitMemberReference(tree, unused);
          }
        }.scan(root, null);
      }
      List<TreePath> calls = known.get(method);
      return calls == null || calls.stream().anyMatch(Objects::isNull) ? List.of() : calls;
    }
  }
}
