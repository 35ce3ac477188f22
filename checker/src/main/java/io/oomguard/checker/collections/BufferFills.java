package io.oomguard.checker.collections;

import static com.google.errorprone.matchers.Matchers.anyOf;
import static com.google.errorprone.matchers.method.MethodMatchers.constructor;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.tree.JCTree;
import io.oomguard.checker.hotpath.Loops;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;

/**
 * How a freshly created buffer or collection held in a local gets filled: in a loop, by a
 * serializer or stream copy, or with data whose size is known; small constant fills are none of
 * these.
 */
public final class BufferFills {
  /** What kind of fill it is. */
  public enum Kind {
    /** Filled per iteration; a capacity, if any, counts iterations. */
    LOOP,
    /** Written by a serializer or a stream copy; no capacity can be told. */
    SERIALIZER,
    /** Written once with data whose size is known; a capacity counts the buffer's own units. */
    KNOWN_SIZE
  }

  /**
   * A fill that is not small and constant.
   *
   * @param kind what kind of fill it is
   * @param description how the buffer is filled, for the message ("filled inside a loop")
   * @param capacity an expression, valid where the buffer is created, for its size; empty if none
   */
  public record Fill(Kind kind, String description, Optional<String> capacity) {}

  private static final ImmutableSet<String> FILL_METHODS =
      ImmutableSet.of(
          "append",
          "write",
          "add",
          "put",
          "putIfAbsent",
          "computeIfAbsent",
          "merge",
          "addAll",
          "putAll",
          "print",
          "println",
          "printf",
          "format",
          "offer",
          "push",
          "addFirst",
          "addLast",
          "insert");

  /** Calls that write a whole object graph or stream into the buffer passed to them. */
  private static final Matcher<ExpressionTree> SERIALIZER =
      anyOf(
          constructor().forClass("java.io.ObjectOutputStream"),
          instanceMethod()
              .onDescendantOfAny(
                  "com.fasterxml.jackson.databind.ObjectMapper",
                  "com.fasterxml.jackson.databind.ObjectWriter")
              .named("writeValue"),
          instanceMethod()
              .onDescendantOf("com.fasterxml.jackson.core.JsonFactory")
              .namedAnyOf("createGenerator", "createJsonGenerator"),
          instanceMethod().onDescendantOf("com.google.gson.Gson").named("toJson"),
          instanceMethod()
              .onDescendantOfAny("java.io.InputStream", "java.io.Reader")
              .named("transferTo"),
          staticMethod()
              .onClass("org.apache.commons.io.IOUtils")
              .namedAnyOf("copy", "copyLarge", "write"),
          staticMethod()
              .onClassAny("com.google.common.io.ByteStreams", "com.google.common.io.CharStreams")
              .named("copy"),
          staticMethod().onClass("javax.imageio.ImageIO").named("write"),
          instanceMethod().onDescendantOf("java.util.Properties").namedAnyOf("store", "storeToXML"),
          instanceMethod()
              .onDescendantOfAny("javax.xml.bind.Marshaller", "jakarta.xml.bind.Marshaller")
              .named("marshal"),
          instanceMethod().onDescendantOf("javax.xml.transform.Transformer").named("transform"));

  /** Writers and streams that pass what is written to them on to the buffer they wrap. */
  private static final Matcher<ExpressionTree> WRAPPER =
      anyOf(
          constructor().forClass("java.io.PrintWriter"),
          constructor().forClass("java.io.PrintStream"),
          constructor().forClass("java.io.OutputStreamWriter"),
          constructor().forClass("java.io.BufferedWriter"),
          constructor().forClass("java.io.BufferedOutputStream"),
          constructor().forClass("java.io.DataOutputStream"),
          constructor().forClass("java.util.zip.GZIPOutputStream"),
          constructor().forClass("java.util.zip.DeflaterOutputStream"));

  private BufferFills() {}

  /** How {@code buffer}, created at {@code creation}, is filled; empty for small constant fills. */
  public static Optional<Fill> of(TreePath creation, VarSymbol buffer, VisitorState state) {
    return of(creation, buffer, state, 0);
  }

  private static Optional<Fill> of(
      TreePath creation, VarSymbol buffer, VisitorState state, int wrapperDepth) {
    List<LocalVariables.Use> uses = LocalVariables.usesAfter(creation, buffer, state);
    // A wrapper (PrintWriter, OutputStreamWriter, GZIPOutputStream...) fills what it wraps.
    for (LocalVariables.Use use : uses) {
      if (wrapperDepth < 2
          && use.parent() instanceof NewClassTree wrapper
          && wrapper.getArguments().contains(use.path().getLeaf())
          && WRAPPER.matches(wrapper, state)) {
        TreePath wrapperPath = use.path().getParentPath();
        Optional<VarSymbol> alias = LocalVariables.assignedLocal(wrapperPath);
        if (alias.isPresent()) {
          Optional<Fill> fill = of(wrapperPath, alias.get(), state, wrapperDepth + 1);
          if (fill.isPresent()) {
            return Optional.of(
                new Fill(fill.get().kind(), fill.get().description(), Optional.empty()));
          }
        }
      }
    }
    for (LocalVariables.Use use : uses) {
      Optional<MethodInvocationTree> call = receiverOf(use);
      if (use.perIteration()
          && call.isPresent()
          && FILL_METHODS.contains(methodName(call.get()))
          && (!Rebuilds.isCollection(buffer.asType(), state)
              || isUnconditionalPerIteration(use.path(), creation, state))) {
        return Optional.of(
            new Fill(
                Kind.LOOP,
                "filled inside a loop (`" + methodName(call.get()) + "` per iteration)",
                loopCapacity(use.path(), creation, state)));
      }
    }
    for (LocalVariables.Use use : uses) {
      Tree parent = use.parent();
      if ((parent instanceof MethodInvocationTree || parent instanceof NewClassTree)
          && isArgument(parent, use.path().getLeaf())
          && SERIALIZER.matches((ExpressionTree) parent, state)) {
        return Optional.of(
            new Fill(Kind.SERIALIZER, "written by `" + callName(parent) + "`", Optional.empty()));
      }
    }
    for (LocalVariables.Use use : uses) {
      Optional<MethodInvocationTree> call = receiverOf(use);
      if (call.isPresent()) {
        Optional<Fill> known = knownSizeWrite(call.get(), creation, state);
        if (known.isPresent()) {
          return known;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the use runs exactly once per iteration of its loop: no branch between them. A
   * collection filled that way ends up as large as what the loop walks, so its size is known; one
   * filled under a condition (a filter, a search) is not reported.
   */
  private static boolean isUnconditionalPerIteration(
      TreePath use, TreePath creation, VisitorState state) {
    Tree child = null;
    for (TreePath current = use; current != null; current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (child != null && Loops.runsPerIteration(leaf, child, state)) {
        return true;
      }
      if (leaf instanceof IfTree
          || leaf instanceof ConditionalExpressionTree
          || leaf instanceof SwitchTree
          || leaf instanceof CaseTree
          || leaf instanceof TryTree
          || leaf == creation.getLeaf()) {
        return false;
      }
      child = leaf;
    }
    return false;
  }

  /** {@code out.write(payload)}, {@code list.addAll(items)}: the size is known before the write. */
  private static Optional<Fill> knownSizeWrite(
      MethodInvocationTree call, TreePath creation, VisitorState state) {
    String name = methodName(call);
    if (call.getArguments().size() != 1
        || !ImmutableSet.of("write", "addAll", "putAll").contains(name)) {
      return Optional.empty();
    }
    ExpressionTree data = call.getArguments().get(0);
    Type type = ASTHelpers.getType(data);
    String size;
    if (type instanceof Type.ArrayType && name.equals("write")) {
      size = ".length";
    } else if (Rebuilds.isCollection(type, state) && !name.equals("write")) {
      size = ".size()";
    } else {
      return Optional.empty();
    }
    String source = state.getSourceForNode(data);
    Optional<String> capacity =
        availableAt(data, creation) ? Optional.of(source + size) : Optional.empty();
    return Optional.of(
        new Fill(Kind.KNOWN_SIZE, "filled with `" + source + "`, whose size is known", capacity));
  }

  /** For a for-each over a collection or array that exists before the buffer: its size. */
  private static Optional<String> loopCapacity(
      TreePath use, TreePath creation, VisitorState state) {
    Tree child = null;
    for (TreePath current = use; current != null; current = current.getParentPath()) {
      if (child != null && Loops.runsPerIteration(current.getLeaf(), child, state)) {
        if (current.getLeaf() instanceof EnhancedForLoopTree loop
            && availableAt(loop.getExpression(), creation)) {
          Type type = ASTHelpers.getType(loop.getExpression());
          String source = state.getSourceForNode(loop.getExpression());
          if (type instanceof Type.ArrayType) {
            return Optional.of(source + ".length");
          }
          if (Rebuilds.isCollection(type, state)) {
            return Optional.of(source + ".size()");
          }
        }
        return Optional.empty();
      }
      child = current.getLeaf();
    }
    return Optional.empty();
  }

  /**
   * Whether {@code expression} is a plain name that already has its value where {@code creation}
   * is.
   */
  private static boolean availableAt(ExpressionTree expression, TreePath creation) {
    ExpressionTree tree = LocalVariables.skipParens(expression);
    if (!(tree instanceof IdentifierTree || tree instanceof MemberSelectTree)) {
      return false;
    }
    Symbol symbol = ASTHelpers.getSymbol(tree);
    if (symbol == null) {
      return false;
    }
    if (symbol.getKind() == ElementKind.FIELD || symbol.getKind() == ElementKind.PARAMETER) {
      return !(tree instanceof MemberSelectTree select)
          || select.getExpression() instanceof IdentifierTree;
    }
    if (tree instanceof IdentifierTree && LocalVariables.isLocal(symbol)) {
      // Declared before the buffer: javac positions grow through the source.
      JCTree declaration = (JCTree) creation.getLeaf();
      return symbol instanceof VarSymbol variable
          && variable.pos >= 0
          && variable.pos < declaration.getStartPosition();
    }
    return false;
  }

  private static Optional<MethodInvocationTree> receiverOf(LocalVariables.Use use) {
    if (use.parent() instanceof MemberSelectTree select
        && select.getExpression() == use.path().getLeaf()
        && use.path().getParentPath().getParentPath().getLeaf()
            instanceof MethodInvocationTree call) {
      return Optional.of(call);
    }
    return Optional.empty();
  }

  private static boolean isArgument(Tree call, Tree argument) {
    List<? extends ExpressionTree> arguments =
        call instanceof MethodInvocationTree invocation
            ? invocation.getArguments()
            : ((NewClassTree) call).getArguments();
    return arguments.contains(argument);
  }

  private static String methodName(MethodInvocationTree call) {
    Symbol symbol = ASTHelpers.getSymbol(call);
    return symbol == null ? "" : symbol.getSimpleName().toString();
  }

  private static String callName(Tree call) {
    if (call instanceof NewClassTree newClass) {
      return "new " + newClass.getIdentifier();
    }
    Symbol symbol = ASTHelpers.getSymbol((MethodInvocationTree) call);
    return symbol == null
        ? "a serializer"
        : symbol.owner.getSimpleName() + "." + symbol.getSimpleName();
  }
}
