package io.oomguard.checker.collections;

import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableList;
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
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.oomguard.checker.PerCompilation;
import io.oomguard.checker.hotpath.Loops;
import io.oomguard.checker.hotpath.StartUpMethods;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * When a class's code writes its fields: the values it gives them while objects are set up (field
 * initializers, initializer blocks, constructors, start-up methods and start-up-named lifecycle
 * methods, JavaBean setters through which configuration is bound, lazy initializers), and whether
 * any other code assigns them or changes the collection or array they hold (an {@code add} or a
 * {@code remove} in a {@code register} method, an element write). A field no other code writes
 * holds the same data on every call.
 *
 * <p>Only the class's own code is seen (a non-private field may be written elsewhere too). Worked
 * out once per top-level class and compilation, from the class's typed tree.
 */
public final class FieldWrites {
  /**
   * What the class's code does with one field.
   *
   * @param initialValues the values given to the field while objects are set up
   * @param assignedAtRunTime whether other code assigns the field
   * @param changedAtRunTime whether other code changes the collection or array it holds
   */
  public record Field(
      ImmutableList<TreePath> initialValues, boolean assignedAtRunTime, boolean changedAtRunTime) {
    /** Whether only set-up code writes the field: it holds the same data on every call. */
    public boolean writtenOnlyAtSetUp() {
      return !assignedAtRunTime && !changedAtRunTime;
    }
  }

  /** Instance methods named like start-up callbacks, run once while an object is set up. */
  private static final ImmutableSet<String> LIFECYCLE_NAMES =
      ImmutableSet.of("init", "initialize", "start", "afterPropertiesSet", "contextInitialized");

  private static final Matcher<ExpressionTree> COLLECTIONS_CHANGE =
      staticMethod()
          .onClass("java.util.Collections")
          .namedAnyOf("addAll", "sort", "reverse", "shuffle", "swap", "fill", "rotate");

  /** Per top-level class: its fields' writes, or empty when it is not among the sources. */
  private static final PerCompilation<Map<ClassSymbol, Optional<Map<VarSymbol, Field>>>> CLASSES =
      new PerCompilation<>(HashMap::new);

  private static final Field NEVER_WRITTEN = new Field(ImmutableList.of(), false, false);

  private FieldWrites() {}

  /**
   * What the code of {@code field}'s class does with it; empty when that class is not among the
   * sources being compiled.
   */
  public static Optional<Field> of(VarSymbol field, VisitorState state) {
    if (field.getKind() != ElementKind.FIELD || !(field.owner instanceof ClassSymbol owner)) {
      return Optional.empty();
    }
    ClassSymbol topLevel = ASTHelpers.outermostClass(owner);
    return CLASSES
        .get(state)
        .computeIfAbsent(topLevel, type -> scan(type, state))
        .map(fields -> fields.getOrDefault(field, NEVER_WRITTEN));
  }

  private static Optional<Map<VarSymbol, Field>> scan(ClassSymbol topLevel, VisitorState state) {
    TreePath path;
    try {
      path = JavacTrees.instance(state.context).getPath(topLevel);
    } catch (RuntimeException e) {
      path = null;
    }
    if (path == null) {
      return Optional.empty();
    }
    Scanner scanner = new Scanner(state);
    scanner.scan(path, null);
    Map<VarSymbol, Field> fields = new IdentityHashMap<>();
    scanner.writes.forEach(
        (field, writes) ->
            fields.put(
                field,
                new Field(
                    ImmutableList.copyOf(writes.values),
                    writes.assignedAtRunTime,
                    writes.changedAtRunTime)));
    return Optional.of(fields);
  }

  private static final class Writes {
    final List<TreePath> values = new ArrayList<>();
    boolean assignedAtRunTime;
    boolean changedAtRunTime;
  }

  private static final class Scanner extends TreePathScanner<Void, Void> {
    private final VisitorState state;
    final Map<VarSymbol, Writes> writes = new IdentityHashMap<>();

    /** Whether the code being scanned sets objects up (false: it runs at run time). */
    private boolean setUp;

    Scanner(VisitorState state) {
      this.state = state;
    }

    private Writes writesOf(VarSymbol field) {
      return writes.computeIfAbsent(field, unused -> new Writes());
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      boolean outer = setUp;
      try {
        for (Tree member : tree.getMembers()) {
          if (member instanceof MethodTree method) {
            MethodSymbol symbol = ASTHelpers.getSymbol(method);
            setUp = symbol != null && isSetUp(symbol, method);
          } else {
            setUp = member instanceof VariableTree || member instanceof BlockTree;
          }
          scan(member, unused);
        }
      } finally {
        setUp = outer;
      }
      return null;
    }

    /**
     * Constructors, start-up methods and start-up-named lifecycle methods, and JavaBean setters
     * ({@code setX(x) { this.x = x; }}): how configuration objects are bound.
     */
    private boolean isSetUp(MethodSymbol method, MethodTree tree) {
      if (StartUpMethods.isStartUp(method, state)
          || (!method.isStatic() && LIFECYCLE_NAMES.contains(method.getSimpleName().toString()))) {
        return true;
      }
      return method.getSimpleName().toString().startsWith("set")
          && tree.getParameters().size() == 1
          && tree.getBody() != null
          && !tree.getBody().getStatements().isEmpty()
          && tree.getBody().getStatements().get(0) instanceof ExpressionStatementTree statement
          && statement.getExpression() instanceof AssignmentTree assignment
          && ASTHelpers.getSymbol(assignment.getExpression())
              == ASTHelpers.getSymbol(tree.getParameters().get(0));
    }

    @Override
    public Void visitVariable(VariableTree tree, Void unused) {
      Symbol symbol = ASTHelpers.getSymbol(tree);
      if (symbol instanceof VarSymbol field
          && symbol.getKind() == ElementKind.FIELD
          && tree.getInitializer() != null) {
        writesOf(field).values.add(new TreePath(getCurrentPath(), tree.getInitializer()));
      }
      return super.visitVariable(tree, unused);
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
      // A lambda in set-up code runs there when an iteration method runs it at once; otherwise it
      // may be a callback that runs at run time.
      TreePath parent = getCurrentPath().getParentPath();
      boolean outer = setUp;
      setUp = outer && parent != null && Loops.runsPerIteration(parent.getLeaf(), tree, state);
      try {
        return super.visitLambdaExpression(tree, unused);
      } finally {
        setUp = outer;
      }
    }

    @Override
    public Void visitAssignment(AssignmentTree tree, Void unused) {
      ExpressionTree target = tree.getVariable();
      if (target instanceof ArrayAccessTree element) {
        changed(element.getExpression());
      } else if (fieldOf(target) instanceof VarSymbol field) {
        if (setUp || underNullCheck(getCurrentPath(), field)) {
          writesOf(field).values.add(new TreePath(getCurrentPath(), tree.getExpression()));
        } else {
          writesOf(field).assignedAtRunTime = true;
        }
      }
      return super.visitAssignment(tree, unused);
    }

    @Override
    public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
      assigned(tree.getVariable());
      return super.visitCompoundAssignment(tree, unused);
    }

    @Override
    public Void visitUnary(UnaryTree tree, Void unused) {
      switch (tree.getKind()) {
        case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
            assigned(tree.getExpression());
        default -> {}
      }
      return super.visitUnary(tree, unused);
    }

    private void assigned(ExpressionTree target) {
      if (target instanceof ArrayAccessTree element) {
        changed(element.getExpression());
      } else if (!setUp && fieldOf(target) instanceof VarSymbol field) {
        writesOf(field).assignedAtRunTime = true;
      }
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
      if (tree.getMethodSelect() instanceof MemberSelectTree select) {
        String name = select.getIdentifier().toString();
        if (CollectionMethods.GROWING.contains(name) || CollectionMethods.CHANGING.contains(name)) {
          changed(select.getExpression());
        }
      }
      if (COLLECTIONS_CHANGE.matches(tree, state) && !tree.getArguments().isEmpty()) {
        changed(tree.getArguments().get(0));
      }
      return super.visitMethodInvocation(tree, unused);
    }

    @Override
    public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
      // list::add handed somewhere changes the list wherever it is called.
      String name = tree.getName().toString();
      if (CollectionMethods.GROWING.contains(name) || CollectionMethods.CHANGING.contains(name)) {
        changed(tree.getQualifierExpression());
      }
      return super.visitMemberReference(tree, unused);
    }

    /** A change of what {@code receiver} holds: a field, or a live view of one. */
    private void changed(ExpressionTree receiver) {
      if (setUp) {
        return;
      }
      ExpressionTree current = LocalVariables.skipParens(receiver);
      while (current instanceof MethodInvocationTree view
          && view.getMethodSelect() instanceof MemberSelectTree select
          && CollectionMethods.VIEWS.contains(select.getIdentifier().toString())) {
        current = LocalVariables.skipParens(select.getExpression());
      }
      if (fieldOf(current) instanceof VarSymbol field) {
        writesOf(field).changedAtRunTime = true;
      }
    }

    private static Symbol fieldOf(ExpressionTree tree) {
      if (!(tree instanceof IdentifierTree) && !(tree instanceof MemberSelectTree)) {
        return null;
      }
      Symbol symbol = ASTHelpers.getSymbol(tree);
      return symbol instanceof VarSymbol && symbol.getKind() == ElementKind.FIELD ? symbol : null;
    }

    /** Whether the assignment at {@code path} runs only while {@code field} is null: lazily. */
    private static boolean underNullCheck(TreePath path, Symbol field) {
      for (TreePath current = path; current != null; current = current.getParentPath()) {
        Tree leaf = current.getLeaf();
        if (leaf instanceof MethodTree || leaf instanceof LambdaExpressionTree) {
          return false;
        }
        if (leaf instanceof IfTree check && comparesWithNull(check.getCondition(), field)) {
          return true;
        }
      }
      return false;
    }

    private static boolean comparesWithNull(ExpressionTree condition, Symbol field) {
      boolean[] found = {false};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitBinary(BinaryTree tree, Void unused) {
          if (tree.getKind() == Tree.Kind.EQUAL_TO
              && (isNullAnd(tree.getLeftOperand(), tree.getRightOperand(), field)
                  || isNullAnd(tree.getRightOperand(), tree.getLeftOperand(), field))) {
            found[0] = true;
          }
          return super.visitBinary(tree, unused);
        }
      }.scan(condition, null);
      return found[0];
    }

    private static boolean isNullAnd(ExpressionTree maybeNull, ExpressionTree other, Symbol field) {
      return maybeNull.getKind() == Tree.Kind.NULL_LITERAL
          && field.equals(ASTHelpers.getSymbol(other));
    }
  }
}
