package io.oomguard.checker.caches;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import io.oomguard.checker.Guard;
import io.oomguard.checker.OwnCode;
import io.oomguard.checker.config.OomGuardFlags;
import io.oomguard.checker.hotpath.HotPaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * Where the keys of a map come from: whether every value a key expression can take is fixed by the
 * code, so that the map cannot hold more entries than the code names. Closed are constants, enum
 * constants and class literals; values of closed types (enums, {@code Class}, reflective members
 * and types, {@code Boolean}, {@code Charset}); names derived from code ({@code type.getName()},
 * {@code method.getName()}, {@code getClass().getPackageName()}); fields that never change after
 * initialization (configuration); and whatever is built only from such values (concatenations,
 * value objects, results of the module's own methods that return such values). Locals are followed
 * within their method; a parameter is closed when every call of its method in the module ({@link
 * ModuleCallSites}) passes a closed value. Strings callers pass in from traffic or data, fresh
 * objects and anything not understood are open.
 */
public final class KeyDomains {
  /** Types with a fixed set of values: the code's own classes, members and constants. */
  private static final ImmutableSet<String> CLOSED_TYPES =
      ImmutableSet.of(
          "java.lang.Class",
          "java.lang.Boolean",
          "java.lang.Byte",
          "java.lang.Package",
          "java.lang.Module",
          "java.nio.charset.Charset",
          "java.lang.reflect.Type",
          "java.lang.reflect.Member",
          "java.lang.reflect.Parameter",
          "java.lang.reflect.AnnotatedElement",
          "java.lang.annotation.Annotation",
          "java.lang.invoke.MethodType",
          "java.io.File",
          "java.nio.file.Path",
          "java.util.Locale",
          "java.time.ZoneId");

  /** How deep the search goes through locals, parameters, callers and callees. */
  private static final int MAX_DEPTH = 12;

  /** How many expressions one question may look at: a popular method's callers are many. */
  private static final int MAX_STEPS = 2_000;

  private int steps;

  private final VisitorState state;
  private final ModuleCallSites module;
  private final Set<Symbol> visiting = new HashSet<>();

  /**
   * Whether {@code this} in the code being read is the object that holds the cache: true where the
   * key is written, and in the methods it calls on itself; false in a method called on another
   * object, whose fields are that object's.
   */
  private boolean thisHoldsTheCache = true;

  /**
   * Whether the object being read becomes the key, or a part of it, so that its identity matters;
   * false for the receiver of a call, whose results are what the key takes (a builder's output).
   */
  private boolean identityMatters = true;

  private KeyDomains(VisitorState state) {
    this.state = state;
    this.module = ModuleCallSites.of(state);
  }

  /**
   * Whether the key expression at {@code key} only takes values the code itself fixes. The final
   * fields of the object the key is written in count as configuration: that object holds the cache.
   */
  public static boolean isClosed(TreePath key, VisitorState state) {
    try {
      return new KeyDomains(state).closed(key, 0);
    } catch (RuntimeException e) {
      Guard.recover(e, "where a map's keys come from", key.getLeaf(), state);
      return false;
    }
  }

  /** Whether values of {@code type} come from a small fixed set (enum, Class, Boolean, ...). */
  public static boolean isClosedType(@Nullable Type type, VisitorState state) {
    if (type == null) {
      return false;
    }
    if (type.isPrimitive()) {
      return type.getTag() == TypeTag.BOOLEAN || type.getTag() == TypeTag.BYTE;
    }
    if (type.tsym == null) {
      return false;
    }
    if ((type.tsym.flags() & Flags.ENUM) != 0) {
      return true;
    }
    Type erased = state.getTypes().erasure(type);
    for (String closed : CLOSED_TYPES) {
      Type closedType = state.getTypeFromString(closed);
      if (closedType != null && ASTHelpers.isSubtype(erased, closedType, state)) {
        return true;
      }
    }
    return false;
  }

  private boolean closed(TreePath path, int depth) {
    if (depth > MAX_DEPTH || ++steps > MAX_STEPS) {
      return false; // not known to be closed
    }
    Tree leaf = path.getLeaf();
    if (!(leaf instanceof ExpressionTree expression)) {
      return false;
    }
    if (expression instanceof ParenthesizedTree parenthesized) {
      return closed(child(path, parenthesized.getExpression()), depth + 1);
    }
    if (expression instanceof TypeCastTree cast) {
      return closed(child(path, cast.getExpression()), depth + 1);
    }
    if (expression instanceof LiteralTree || ASTHelpers.constValue(expression) != null) {
      return true;
    }
    if (NonRepeatingValues.neverRepeats(expression, state)) {
      return false;
    }
    if (isClosedType(ASTHelpers.getType(expression), state)) {
      return true;
    }
    if (expression instanceof ConditionalExpressionTree conditional) {
      return closed(child(path, conditional.getTrueExpression()), depth + 1)
          && closed(child(path, conditional.getFalseExpression()), depth + 1);
    }
    if (expression instanceof BinaryTree binary) {
      return closed(child(path, binary.getLeftOperand()), depth + 1)
          && closed(child(path, binary.getRightOperand()), depth + 1);
    }
    if (expression instanceof UnaryTree unary) {
      return closed(child(path, unary.getExpression()), depth + 1);
    }
    if (expression instanceof ArrayAccessTree access) {
      return closed(child(path, access.getExpression()), depth + 1);
    }
    if (expression instanceof IdentifierTree || expression instanceof MemberSelectTree) {
      return closedVariable(path, depth);
    }
    if (expression instanceof MethodInvocationTree call) {
      return closedCall(path, call, depth);
    }
    if (expression instanceof NewClassTree newClass && isEmptyContainer(newClass)) {
      return true; // new StringBuilder(), new ArrayList<>(): what is added to it decides
    }
    if (expression instanceof NewClassTree newClass) {
      return newClass.getClassBody() == null
          && !newClass.getArguments().isEmpty()
          && ASTHelpers.getType(newClass) != null
          && (!identityMatters
              || NonRepeatingValues.hasValueEquals(ASTHelpers.getType(newClass), state))
          && allClosed(path, newClass.getArguments(), depth);
    }
    return false; // lambdas, arrays, anything else
  }

  /** A text builder or collection made empty: its content is what is appended or added later. */
  private boolean isEmptyContainer(NewClassTree newClass) {
    if (newClass.getClassBody() != null || !newClass.getArguments().isEmpty()) {
      return false;
    }
    Type type = ASTHelpers.getType(newClass);
    Type text = state.getTypeFromString("java.lang.CharSequence");
    return type != null
        && ((text != null && ASTHelpers.isSubtype(type, text, state))
            || CollectionValues.isMapOrCollection(type, state));
  }

  private boolean closedVariable(TreePath path, int depth) {
    ExpressionTree expression = (ExpressionTree) path.getLeaf();
    Symbol symbol = ASTHelpers.getSymbol(expression);
    if (symbol == null) {
      return false;
    }
    if (expression instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("class")) {
      return true;
    }
    switch (symbol.getKind()) {
      case ENUM_CONSTANT:
        return true;
      case FIELD:
        if (!symbol.getModifiers().contains(Modifier.FINAL)) {
          return false;
        }
        if (ASTHelpers.isStatic(symbol)) {
          return true;
        }
        // A final field of a fixed object, or of the object that holds the cache (or of another
        // object there is one of): its configuration. Or one every object is given a fixed value.
        if (expression instanceof MemberSelectTree select && !isThis(select.getExpression())) {
          return closed(child(path, select.getExpression()), depth + 1)
              || givenOnlyClosedValues((VarSymbol) symbol, depth);
        }
        ClassSymbol owner = ASTHelpers.enclosingClass(symbol);
        return thisHoldsTheCache
            || (owner != null && Lifetimes.singletonKind(owner, state).isPresent())
            || givenOnlyClosedValues((VarSymbol) symbol, depth);
      case LOCAL_VARIABLE:
      case RESOURCE_VARIABLE:
        return closedLocal(symbol, path, depth);
      case PARAMETER:
        return closedParameter((VarSymbol) symbol, depth);
      default:
        return false;
    }
  }

  /**
   * Whether every value the final instance field {@code field} is given, in its initializer and in
   * its class's constructors and initializer blocks, is closed ({@code this.name = name} with every
   * {@code new Filter("static")} passing a constant): then every object has one of them.
   */
  private boolean givenOnlyClosedValues(VarSymbol field, int depth) {
    ClassSymbol owner = ASTHelpers.enclosingClass(field);
    if (owner == null || !module.isInSource(owner) || !visiting.add(field)) {
      return false;
    }
    boolean outer = thisHoldsTheCache;
    thisHoldsTheCache = false; // the values are read where each object is made
    try {
      TreePath type = JavacTrees.instance(state.context).getPath(owner);
      if (type == null) {
        return false;
      }
      List<TreePath> values = new ArrayList<>(2);
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree node, Void unused) {
          if (field.equals(ASTHelpers.getSymbol(node)) && node.getInitializer() != null) {
            values.add(new TreePath(getCurrentPath(), node.getInitializer()));
          }
          return super.visitVariable(node, unused);
        }

        @Override
        public Void visitAssignment(AssignmentTree node, Void unused) {
          if (field.equals(ASTHelpers.getSymbol(node.getVariable()))) {
            values.add(new TreePath(getCurrentPath(), node.getExpression()));
          }
          return super.visitAssignment(node, unused);
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
          return node == type.getLeaf() ? super.visitClass(node, unused) : null;
        }
      }.scan(type, null);
      if (values.isEmpty()) {
        return false;
      }
      for (TreePath value : values) {
        if (!closed(value, depth + 1)) {
          return false;
        }
      }
      return true;
    } finally {
      thisHoldsTheCache = outer;
      visiting.remove(field);
    }
  }

  private boolean closedLocal(Symbol local, TreePath use, int depth) {
    TreePath method = enclosingCode(use);
    if (method == null || !visiting.add(local)) {
      return false;
    }
    try {
      // A local is given a value in a few places: its initializer, an assignment or two.
      List<TreePath> values = new ArrayList<>(4);
      boolean[] opaque = {false};
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree node, Void unused) {
          if (local.equals(ASTHelpers.getSymbol(node))) {
            Tree parent = getCurrentPath().getParentPath().getLeaf();
            if (parent instanceof EnhancedForLoopTree loop && loop.getVariable() == node) {
              values.add(new TreePath(getCurrentPath().getParentPath(), loop.getExpression()));
            } else if (node.getInitializer() != null) {
              values.add(new TreePath(getCurrentPath(), node.getInitializer()));
            } else if (!(parent instanceof BlockTree)) {
              opaque[0] = true; // a catch parameter, a pattern binding, ...
            }
          }
          return super.visitVariable(node, unused);
        }

        @Override
        public Void visitAssignment(AssignmentTree node, Void unused) {
          if (local.equals(ASTHelpers.getSymbol(node.getVariable()))) {
            values.add(new TreePath(getCurrentPath(), node.getExpression()));
          }
          return super.visitAssignment(node, unused);
        }

        @Override
        public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
          if (local.equals(ASTHelpers.getSymbol(node.getVariable()))) {
            values.add(new TreePath(getCurrentPath(), node.getExpression()));
          }
          return super.visitCompoundAssignment(node, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
          ExpressionTree receiver = NonRepeatingValues.rootReceiver(node);
          if (receiver != null
              && local.equals(ASTHelpers.getSymbol(receiver))
              && NonRepeatingValues.isMutator(node)) {
            for (ExpressionTree argument : node.getArguments()) {
              values.add(new TreePath(getCurrentPath(), argument));
            }
          }
          return super.visitMethodInvocation(node, unused);
        }
      }.scan(method, null);
      if (opaque[0] || values.isEmpty()) {
        return false;
      }
      for (TreePath value : values) {
        if (!closed(value, depth + 1)) {
          return false;
        }
      }
      return true;
    } finally {
      visiting.remove(local);
    }
  }

  /** A parameter: closed when every call of its method in the module passes a closed value. */
  private boolean closedParameter(VarSymbol parameter, int depth) {
    if (!(parameter.owner instanceof MethodSymbol method)
        || method.type == null // a lambda's placeholder owner while javac attributes it
        || !module.complete()
        || !visiting.add(parameter)) {
      return false;
    }
    try {
      int index = method.getParameters().indexOf(parameter);
      if (index < 0
          || overridesOutsideTheModule(method)
          || HotPaths.isEntryPoint(method, state, OomGuardFlags.defaults())) {
        return false; // a framework passes whatever it receives
      }
      List<TreePath> calls = module.callsTo(method, state);
      if (calls.isEmpty()) {
        return false;
      }
      for (TreePath call : calls) {
        List<? extends ExpressionTree> arguments = arguments(call.getLeaf());
        if (arguments == null || arguments.size() <= index) {
          return false; // a method reference, or varargs left empty: not followed
        }
        boolean varargs = method.isVarArgs() && index == method.getParameters().size() - 1;
        List<? extends ExpressionTree> passed =
            varargs
                ? arguments.subList(index, arguments.size())
                : arguments.subList(index, index + 1);
        for (ExpressionTree argument : passed) {
          if (!closed(new TreePath(call, argument), depth + 1)) {
            return false;
          }
        }
      }
      return true;
    } finally {
      visiting.remove(parameter);
    }
  }

  private boolean closedCall(TreePath path, MethodInvocationTree call, int depth) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    boolean receiverClosed;
    if (method.isStatic()) {
      receiverClosed = !call.getArguments().isEmpty();
    } else {
      boolean outer = identityMatters;
      identityMatters = false; // what matters is what the call gives
      try {
        receiverClosed = receiver != null && closed(child(path, receiver), depth + 1);
      } finally {
        identityMatters = outer;
      }
    }
    if (receiverClosed
        && !makesIdentityObjects(call)
        && allClosed(path, call.getArguments(), depth)) {
      return true; // clazz.getName(), String.valueOf(CONSTANT), prefix.concat(name)
    }
    boolean onThis = method.isStatic() || receiver == null || isThis(receiver);
    boolean outer = thisHoldsTheCache;
    thisHoldsTheCache = outer && onThis;
    try {
      return returnsClosed(method, depth);
    } finally {
      thisHoldsTheCache = outer;
    }
  }

  /**
   * Whether the call gives an object compared by identity (a class without {@code equals}): from
   * the same arguments a factory makes a new one each time, so only its body can tell.
   */
  private boolean makesIdentityObjects(MethodInvocationTree call) {
    Type result = ASTHelpers.getType(call);
    return identityMatters
        && result != null
        && !(result instanceof Type.ArrayType)
        && !result.isPrimitive()
        && result.tsym instanceof ClassSymbol type
        && !type.isInterface()
        && !isClosedType(result, state)
        && !NonRepeatingValues.hasValueEquals(result, state);
  }

  /**
   * A method of the module whose every {@code return}, in its own body and in every override the
   * module declares, gives a closed value ({@code codecName()} returning each class's name).
   */
  private boolean returnsClosed(MethodSymbol method, int depth) {
    if (!module.isInSource(method) || !visiting.add(method)) {
      return false;
    }
    try {
      List<MethodSymbol> bodies = new ArrayList<>(overridesInTheModule(method));
      if ((method.flags() & Flags.ABSTRACT) == 0) {
        bodies.add(method);
      }
      if (bodies.isEmpty()) {
        return false;
      }
      for (MethodSymbol body : bodies) {
        if (!bodyReturnsClosed(body, depth)) {
          return false;
        }
      }
      return true;
    } finally {
      visiting.remove(method);
    }
  }

  private boolean bodyReturnsClosed(MethodSymbol method, int depth) {
    TreePath declaration = module.declaration(method, state);
    if (declaration == null
        || !(declaration.getLeaf() instanceof MethodTree tree)
        || tree.getBody() == null) {
      return false;
    }
    List<TreePath> returns = new ArrayList<>();
    new OwnCode.PathScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        if (node.getExpression() != null) {
          returns.add(new TreePath(getCurrentPath(), node.getExpression()));
        }
        return null;
      }
    }.scan(new TreePath(declaration, tree.getBody()), null);
    if (returns.isEmpty()) {
      return false;
    }
    for (TreePath value : returns) {
      if (!closed(value, depth + 1)) {
        return false;
      }
    }
    return true;
  }

  /** The methods of the module's classes that override {@code method}. */
  private List<MethodSymbol> overridesInTheModule(MethodSymbol method) {
    List<MethodSymbol> overrides = new ArrayList<>();
    if (method.isStatic()
        || method.isConstructor()
        || (method.flags() & (Flags.PRIVATE | Flags.FINAL)) != 0
        || (method.enclClass().flags() & Flags.FINAL) != 0) {
      return overrides;
    }
    for (ClassSymbol type : module.classes()) {
      if (type != method.enclClass() && type.isSubClass(method.enclClass(), state.getTypes())) {
        for (Symbol member : type.members().getSymbolsByName(method.getSimpleName())) {
          if (member instanceof MethodSymbol other
              && other.overrides(method, type, state.getTypes(), true)) {
            overrides.add(other);
          }
        }
      }
    }
    return overrides;
  }

  private boolean overridesOutsideTheModule(MethodSymbol method) {
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

  private boolean allClosed(TreePath parent, List<? extends ExpressionTree> values, int depth) {
    for (ExpressionTree value : values) {
      if (!closed(child(parent, value), depth + 1)) {
        return false;
      }
    }
    return true;
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

  private static boolean isThis(ExpressionTree tree) {
    return tree instanceof IdentifierTree identifier && identifier.getName().contentEquals("this");
  }

  private static TreePath child(TreePath parent, Tree tree) {
    return new TreePath(parent, tree);
  }

  /** The method (or lambda, or initializer) whose locals the expression at {@code path} sees. */
  private static @Nullable TreePath enclosingCode(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree) {
        return p;
      }
      if (p.getParentPath() != null && p.getParentPath().getLeaf() instanceof ClassTree) {
        return p;
      }
    }
    return null;
  }
}
