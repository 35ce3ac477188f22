package io.oomguard.checker.hotpath;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;

import com.google.common.collect.ImmutableList;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.util.Names;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Collects the methods declared in the trees it scans and the direct calls they make to methods
 * {@code inScope} accepts (of one top-level class, or of the whole module), noting which calls run
 * per iteration, which are made in a throw statement or in code only created there ({@link
 * Deferred}), and which create an object that goes straight into a field (created once). Code in
 * instance field initializers and initializer blocks counts as code of the class's constructors,
 * which run it. Lambdas and method references that are entry points themselves ({@link
 * EntryPointMatcher#matchFunctional}) are collected as {@link Seed}s.
 */
final class CallGraphScanner extends TreePathScanner<Void, Void> {
  /**
   * A call from one method to another; {@code inLoop} when made per iteration, {@code sameInstance}
   * when the callee runs on the caller's own object (an unqualified or {@code this.} call, a static
   * method, a method of an anonymous or local class created there), {@code inThrow} when made in a
   * throw statement, {@code deferred} when made in code the caller only creates (a task handed to
   * an executor, stored or returned: {@link Deferred}), or when the callee is a method of an
   * anonymous class created that way; {@code createsOnce} when the call is a {@code new} whose
   * object goes straight into a field or a {@code computeIfAbsent}, or any call made in a lazy
   * initializer ({@link LazyInitializers}): it runs once, not per call.
   */
  record Call(
      MethodSymbol caller,
      MethodSymbol callee,
      boolean inLoop,
      boolean sameInstance,
      boolean inThrow,
      boolean deferred,
      boolean createsOnce) {}

  /**
   * A method made hot by a lambda or method reference that is itself an entry point: called in the
   * lambda's body, or the method referred to; {@code chain} names the way from the lambda.
   */
  record Seed(
      MethodSymbol method, ImmutableList<String> chain, EntryPointMatcher.EntryPoint entry) {}

  /**
   * A value stored in a field: in the field's initializer ({@code in} empty), or by an assignment
   * in the methods {@code in} names (a class's constructors for an initializer block); {@code
   * valueClass} is the class of a {@code new} stored, else the declared type of the value; {@code
   * once} when the assignment is a lazy initializer's ({@code if (x == null) x = new X()}).
   */
  record FieldStore(
      Symbol.VarSymbol field, Symbol.TypeSymbol valueClass, List<MethodSymbol> in, boolean once) {}

  private static final Matcher<ExpressionTree> COMPUTE_IF_ABSENT =
      instanceMethod().onDescendantOf("java.util.Map").named("computeIfAbsent");

  private final VisitorState state;
  private final Predicate<MethodSymbol> inScope;
  private final @Nullable EntryPointMatcher functionalEntries;

  final Set<MethodSymbol> declared = new LinkedHashSet<>();
  final List<Call> calls = new ArrayList<>();
  final List<Seed> seeds = new ArrayList<>();
  final List<FieldStore> fieldStores = new ArrayList<>();

  /** The methods whose code is being scanned: one, or a class's constructors in initializers. */
  private List<MethodSymbol> callers = List.of();

  private int loopDepth;
  private int throwDepth;

  /** Inside a lazy initializer: calls run once. */
  private int lazyDepth;

  /** Inside code the current method only creates (a task handed off, stored or returned). */
  private boolean deferred;

  /** Inside the body of a lambda that is an entry point: its name and entry point. */
  private @Nullable String entryLambda;

  private EntryPointMatcher.@Nullable EntryPoint entryLambdaPoint;

  /**
   * A scanner recording calls to the methods {@code inScope} accepts; with {@code
   * functionalEntries}, lambdas and method references that are entry points become seeds.
   */
  CallGraphScanner(
      VisitorState state,
      Predicate<MethodSymbol> inScope,
      @Nullable EntryPointMatcher functionalEntries) {
    this.state = state;
    this.inScope = inScope;
    this.functionalEntries = functionalEntries;
  }

  @Override
  public Void scan(Tree tree, Void unused) {
    if (tree == null) {
      return null;
    }
    TreePath parent = getCurrentPath();
    if (functionalEntries != null && !callers.isEmpty()) {
      Tree.Kind kind = tree.getKind();
      if (kind == Tree.Kind.LAMBDA_EXPRESSION || kind == Tree.Kind.MEMBER_REFERENCE) {
        Optional<EntryPointMatcher.EntryPoint> entry =
            functionalEntries.matchFunctional((ExpressionTree) tree, state);
        if (entry.isPresent()) {
          return scanEntryFunctional(tree, entry.get(), unused);
        }
      }
    }
    if (parent != null && onlyCreated(parent, tree)) {
      // Its body runs later, elsewhere: not per iteration of a loop around its creation.
      return outsideLoops(true, () -> super.scan(tree, unused));
    }
    boolean perIteration = parent != null && Loops.runsPerIteration(parent.getLeaf(), tree, state);
    if (perIteration) {
      loopDepth++;
    }
    try {
      return super.scan(tree, unused);
    } finally {
      if (perIteration) {
        loopDepth--;
      }
    }
  }

  /** A lambda or method reference that is an entry point: what it runs is hot on its own. */
  private Void scanEntryFunctional(Tree tree, EntryPointMatcher.EntryPoint entry, Void unused) {
    if (tree instanceof MemberReferenceTree reference) {
      Symbol target = ASTHelpers.getSymbol(reference);
      if (target instanceof MethodSymbol method && inScope.test(method)) {
        seeds.add(new Seed(method, ImmutableList.of(HotPaths.displayName(method)), entry));
      }
      return super.scan(tree, unused);
    }
    String outerLambda = entryLambda;
    EntryPointMatcher.EntryPoint outerPoint = entryLambdaPoint;
    entryLambda = "lambda in " + HotPaths.displayName(callers.get(0));
    entryLambdaPoint = entry;
    try {
      return outsideLoops(false, () -> super.scan(tree, unused));
    } finally {
      entryLambda = outerLambda;
      entryLambdaPoint = outerPoint;
    }
  }

  /**
   * Whether {@code tree}, a child of {@code parent}, is a lambda or method reference the current
   * method only creates, or the body of an anonymous class it only creates.
   */
  private boolean onlyCreated(TreePath parent, Tree tree) {
    if (callers.isEmpty()) {
      return false;
    }
    // Asked for every node of the class: kinds first, one virtual call each.
    Tree.Kind kind = tree.getKind();
    if (kind == Tree.Kind.LAMBDA_EXPRESSION || kind == Tree.Kind.MEMBER_REFERENCE) {
      return Deferred.onlyCreated(new TreePath(parent, tree), state);
    }
    return parent.getLeaf().getKind() == Tree.Kind.NEW_CLASS
        && ((NewClassTree) parent.getLeaf()).getClassBody() == tree
        && Deferred.onlyCreated(parent, state);
  }

  @Override
  public Void visitClass(ClassTree tree, Void unused) {
    // Instance field initializers and initializer blocks run in every constructor that does not
    // delegate to another one with this(...).
    List<MethodSymbol> constructors = new ArrayList<>();
    for (Tree member : tree.getMembers()) {
      if (member instanceof MethodTree method && !delegatesToThis(method)) {
        MethodSymbol symbol = ASTHelpers.getSymbol(method);
        if (symbol != null && symbol.isConstructor()) {
          constructors.add(symbol);
        }
      }
    }
    scan(tree.getModifiers(), unused);
    for (Tree member : tree.getMembers()) {
      if (runsInConstructors(member)) {
        List<MethodSymbol> outer = callers;
        callers = constructors.isEmpty() ? outer : constructors;
        try {
          outsideLoops(false, () -> scan(member, unused));
        } finally {
          callers = outer;
        }
      } else {
        scan(member, unused);
      }
    }
    return null;
  }

  private static boolean runsInConstructors(Tree member) {
    if (member instanceof VariableTree variable) {
      return variable.getInitializer() != null
          && !variable.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.STATIC);
    }
    return member instanceof BlockTree block && !block.isStatic();
  }

  private boolean delegatesToThis(MethodTree constructor) {
    if (constructor.getBody() == null || constructor.getBody().getStatements().isEmpty()) {
      return false;
    }
    StatementTree first = constructor.getBody().getStatements().get(0);
    return first instanceof ExpressionStatementTree statement
        && statement.getExpression() instanceof MethodInvocationTree call
        && call.getMethodSelect() instanceof IdentifierTree name
        && name.getName() == state.getNames()._this;
  }

  @Override
  public Void visitMethod(MethodTree tree, Void unused) {
    MethodSymbol symbol = ASTHelpers.getSymbol(tree);
    if (symbol == null) {
      return null;
    }
    declared.add(symbol);
    // A method of an anonymous or local class runs where its class is created, unless the
    // object is only created there (deferred); it runs on that new object, not the caller's.
    record(symbol, false, false);
    List<MethodSymbol> outer = callers;
    callers = List.of(symbol);
    String outerLambda = entryLambda;
    entryLambda = null;
    try {
      return outsideLoops(false, () -> super.visitMethod(tree, unused));
    } finally {
      callers = outer;
      entryLambda = outerLambda;
    }
  }

  /**
   * Scans a body that does not run in the loops and throws around it (a method's, or a class's only
   * created there), marked deferred or not, and then restores the position outside it.
   */
  private Void outsideLoops(boolean deferredBody, Supplier<Void> scanBody) {
    int outerLoopDepth = loopDepth;
    int outerThrowDepth = throwDepth;
    boolean outerDeferred = deferred;
    loopDepth = 0;
    throwDepth = 0;
    deferred = deferredBody;
    try {
      return scanBody.get();
    } finally {
      loopDepth = outerLoopDepth;
      throwDepth = outerThrowDepth;
      deferred = outerDeferred;
    }
  }

  // What a lazy initializer calls runs once, not per call of the method around it.
  @Override
  public Void visitIf(com.sun.source.tree.IfTree tree, Void unused) {
    if (!LazyInitializers.isLazyInitializer(tree)) {
      return super.visitIf(tree, unused);
    }
    scan(tree.getCondition(), unused);
    lazyDepth++;
    try {
      scan(tree.getThenStatement(), unused);
    } finally {
      lazyDepth--;
    }
    scan(tree.getElseStatement(), unused);
    return null;
  }

  // A call in a throw statement runs once: the throw leaves the loop around it.
  @Override
  public Void visitThrow(ThrowTree tree, Void unused) {
    throwDepth++;
    try {
      return super.visitThrow(tree, unused);
    } finally {
      throwDepth--;
    }
  }

  @Override
  public Void visitVariable(VariableTree tree, Void unused) {
    Symbol symbol = ASTHelpers.getSymbol(tree);
    if (tree.getInitializer() != null
        && symbol instanceof Symbol.VarSymbol field
        && symbol.getKind() == ElementKind.FIELD) {
      storeOf(field, tree.getInitializer(), List.of(), false);
    }
    return super.visitVariable(tree, unused);
  }

  @Override
  public Void visitAssignment(AssignmentTree tree, Void unused) {
    Symbol target = ASTHelpers.getSymbol(tree.getVariable());
    if (target instanceof Symbol.VarSymbol field && target.getKind() == ElementKind.FIELD) {
      storeOf(field, tree.getExpression(), callers, underNullCheck(getCurrentPath(), field));
    }
    return super.visitAssignment(tree, unused);
  }

  /** Whether the assignment at {@code path} runs only while {@code field} is null: lazily, once. */
  private static boolean underNullCheck(TreePath path, Symbol field) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree) {
        return false;
      }
      if (leaf instanceof com.sun.source.tree.IfTree check
          && comparesWithNull(check.getCondition(), field)) {
        return true;
      }
    }
    return false;
  }

  private static boolean comparesWithNull(ExpressionTree condition, Symbol field) {
    boolean[] found = {false};
    new com.sun.source.util.TreeScanner<Void, Void>() {
      @Override
      public Void visitBinary(com.sun.source.tree.BinaryTree tree, Void unused) {
        if (tree.getKind() == Tree.Kind.EQUAL_TO
            && (isNullAndField(tree.getLeftOperand(), tree.getRightOperand(), field)
                || isNullAndField(tree.getRightOperand(), tree.getLeftOperand(), field))) {
          found[0] = true;
        }
        return super.visitBinary(tree, unused);
      }
    }.scan(condition, null);
    return found[0];
  }

  private static boolean isNullAndField(
      ExpressionTree maybeNull, ExpressionTree other, Symbol field) {
    return maybeNull.getKind() == Tree.Kind.NULL_LITERAL
        && field.equals(ASTHelpers.getSymbol(other));
  }

  private void storeOf(
      Symbol.VarSymbol field, ExpressionTree value, List<MethodSymbol> in, boolean once) {
    ExpressionTree stored = value;
    while (stored instanceof ParenthesizedTree || stored instanceof TypeCastTree) {
      stored =
          stored instanceof ParenthesizedTree parens
              ? parens.getExpression()
              : ((TypeCastTree) stored).getExpression();
    }
    com.sun.tools.javac.code.Type type = ASTHelpers.getType(stored);
    if (stored instanceof NewClassTree creation && creation.getClassBody() == null) {
      Symbol created = ASTHelpers.getSymbol(creation.getIdentifier());
      type = created == null ? type : created.type;
    }
    if (type != null && type.tsym != null) {
      fieldStores.add(new FieldStore(field, type.tsym, in, once));
    }
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
    MethodSymbol callee = ASTHelpers.getSymbol(tree);
    record(callee, isStatic(callee) || onThis(tree.getMethodSelect()), false);
    return super.visitMethodInvocation(tree, unused);
  }

  @Override
  public Void visitNewClass(NewClassTree tree, Void unused) {
    // A constructor runs on a new object; one whose object is kept in a field runs once.
    record(ASTHelpers.getSymbol(tree), false, keptOnce(getCurrentPath()));
    return super.visitNewClass(tree, unused);
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
    Symbol target = ASTHelpers.getSymbol(tree);
    if (target instanceof MethodSymbol method) {
      record(method, isStatic(method) || onThis(tree), false);
    }
    return super.visitMemberReference(tree, unused);
  }

  private void record(MethodSymbol callee, boolean sameInstance, boolean createsOnce) {
    if (callers.isEmpty() || callee == null || !inScope.test(callee)) {
      return;
    }
    boolean inLoop = loopDepth > 0 && throwDepth == 0;
    boolean once = createsOnce || lazyDepth > 0;
    for (MethodSymbol caller : callers) {
      calls.add(new Call(caller, callee, inLoop, sameInstance, throwDepth > 0, deferred, once));
    }
    if (entryLambda != null && !once) {
      seeds.add(
          new Seed(
              callee,
              ImmutableList.of(entryLambda, HotPaths.displayName(callee)),
              entryLambdaPoint));
    }
  }

  /**
   * Whether the object created at {@code creation} goes straight into a field ({@code if (x ==
   * null) x = new X()}) or is made by the function of a {@code computeIfAbsent}: made once (per
   * key), not once per call.
   */
  private boolean keptOnce(TreePath creation) {
    TreePath current = creation;
    while (current.getParentPath() != null
        && (current.getParentPath().getLeaf() instanceof ParenthesizedTree
            || current.getParentPath().getLeaf() instanceof TypeCastTree)) {
      current = current.getParentPath();
    }
    Tree parent = current.getParentPath() == null ? null : current.getParentPath().getLeaf();
    if (parent instanceof AssignmentTree assignment
        && assignment.getExpression() == current.getLeaf()) {
      Symbol target = ASTHelpers.getSymbol(assignment.getVariable());
      // A constructor filling its own object's field runs once per object, not once for good.
      return target != null
          && target.getKind() == ElementKind.FIELD
          && (target.isStatic()
              || callers.stream()
                  .noneMatch(caller -> caller.isConstructor() && caller.owner == target.owner));
    }
    return parent instanceof LambdaExpressionTree lambda
        && lambda.getBody() == current.getLeaf()
        && current.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call
        && call.getArguments().contains(lambda)
        && COMPUTE_IF_ABSENT.matches(call, state);
  }

  private static boolean isStatic(MethodSymbol method) {
    return method != null && method.isStatic();
  }

  /** An unqualified call, or one on {@code this}, {@code super} or {@code Outer.this}. */
  private boolean onThis(Tree call) {
    ExpressionTree receiver;
    if (call instanceof MemberReferenceTree reference) {
      receiver = reference.getQualifierExpression();
    } else if (call instanceof MemberSelectTree select) {
      receiver = select.getExpression();
    } else {
      return call instanceof IdentifierTree;
    }
    // javac's own names, compared by identity: a name's text is not built for every call.
    Names names = state.getNames();
    if (receiver instanceof IdentifierTree identifier) {
      return identifier.getName() == names._this || identifier.getName() == names._super;
    }
    return receiver instanceof MemberSelectTree qualified
        && qualified.getIdentifier() == names._this;
  }
}
