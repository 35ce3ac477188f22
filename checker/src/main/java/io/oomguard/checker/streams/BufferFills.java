package io.oomguard.checker.streams;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import io.oomguard.checker.collections.LocalVariables;
import io.oomguard.checker.hotpath.Loops;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a freshly created byte or character buffer ({@code ByteArrayOutputStream}, {@code
 * StringBuilder}, {@code StringWriter}...) is filled, when it is filled with data whose volume the
 * code does not bound: a stream copied in, every line of a reader or file, every row of a query, a
 * serializer writing an object graph, or an archive of entries added in a loop. Copies go through
 * writers wrapped around the buffer and through the project's own helpers ({@link StreamHelpers}).
 *
 * <p>What is appended from memory (a loop over a list, a few values joined) is not such a fill: the
 * data is already held, and the buffer adds at most about as much again. Nor is a copy through a
 * limiting wrapper, a loop that counts what it copied against a limit, a loop that resets the
 * buffer per record, or lines appended only when they pass a test.
 */
public final class BufferFills {
  /** How the buffer is filled. */
  public enum Kind {
    /** A stream or reader copied in whole by one call ({@code transferTo}, {@code copy}). */
    STREAM_COPY,
    /** A loop that reads a stream or reader and appends everything it reads. */
    READ_LOOP,
    /** Every line of a reader or a file ({@code lines().forEach}, a line callback). */
    LINES,
    /** Every row of a query result ({@code while (rows.next())}). */
    ROWS,
    /**
     * A serializer writing one object graph into it, per item: the buffer is created in a loop, or
     * in a method this file calls in one (one object serialized per request is about as large as
     * the object already in memory, and is not reported).
     */
    SERIALIZER,
    /**
     * A streaming writer (a JSON generator) over it that is fed in a loop or handed on: it holds
     * whatever that code writes (every row of a result, a whole tree).
     */
    GENERATOR,
    /** An archive whose entries are added in a loop. */
    ARCHIVE
  }

  /**
   * A fill with data whose volume the code does not bound.
   *
   * @param kind how the buffer is filled
   * @param by the call that fills it ({@code `IOUtils.copy(...)`}, {@code ObjectMapper.writeValue},
   *     {@code ZipOutputStream}), empty for loops
   * @param origin where the data comes from, when the code shows it ({@link
   *     BodyOrigin.Kind#NETWORK} for an HTTP body), {@link BodyOrigin.Kind#UNKNOWN} otherwise
   */
  public record Fill(Kind kind, String by, BodyOrigin origin) {}

  private static final ImmutableSet<String> APPENDS =
      ImmutableSet.of("write", "append", "print", "println", "printf", "format", "writeBytes");

  /** What empties a buffer so that it holds one record at a time. */
  private static final ImmutableSet<String> RESETS =
      ImmutableSet.of("reset", "setLength", "delete", "getBuffer");

  private static final Matcher<ExpressionTree> ROWS_NEXT =
      instanceMethod().onDescendantOf("java.sql.ResultSet").named("next");

  private static final Matcher<ExpressionTree> FILE_LINE_LISTS =
      staticMethod().onClass("java.nio.file.Files").namedAnyOf("readAllLines", "lines");

  private static final ImmutableList<String> SINKS =
      ImmutableList.of("java.io.OutputStream", "java.io.Writer");

  /** How many writers deep a buffer is followed ({@code new PrintWriter(new StringWriter())}). */
  private static final int MAX_WRAPPERS = 3;

  private BufferFills() {}

  /**
   * How the buffer created at {@code creation} (a {@code new} expression) is filled, when its
   * volume is not bounded by the code; empty otherwise.
   */
  public static Optional<Fill> of(TreePath creation, VisitorState state) {
    SourceIndex index = SourceIndex.of(creation.getCompilationUnit());
    return new Search(index, state).fillOf(creation, 0);
  }

  private record Search(SourceIndex index, VisitorState state) {
    /** The fill of the buffer or writer created at {@code creation}. */
    Optional<Fill> fillOf(TreePath creation, int depth) {
      TreePath value = outermostExpression(creation);
      Tree parent = value.getParentPath().getLeaf();
      if (isArgumentOf(parent, value.getLeaf())) {
        return fillByCall(value.getParentPath(), creation.getLeaf(), depth);
      }
      Optional<VarSymbol> local = LocalVariables.assignedLocal(creation);
      return local.isEmpty() ? Optional.empty() : fillOfLocal(creation, local.get(), depth);
    }

    private Optional<Fill> fillOfLocal(TreePath creation, VarSymbol buffer, int depth) {
      List<LocalVariables.Use> uses = LocalVariables.usesAfter(creation, buffer, state);
      for (LocalVariables.Use use : uses) {
        Tree parent = use.parent();
        Tree leaf = use.path().getLeaf();
        Optional<Fill> fill = Optional.empty();
        if (isArgumentOf(parent, leaf)) {
          fill = fillByCall(use.path().getParentPath(), leaf, depth);
        } else if (parent instanceof MemberSelectTree select
            && select.getExpression() == leaf
            && use.path().getParentPath().getParentPath().getLeaf()
                instanceof MethodInvocationTree call
            && APPENDS.contains(select.getIdentifier().toString())) {
          TreePath callPath = use.path().getParentPath().getParentPath();
          fill = use.perIteration() ? loopFill(callPath, creation, uses) : Optional.empty();
          if (fill.isEmpty()) {
            fill = callbackFill(callPath, creation);
          }
        } else if (parent instanceof MemberReferenceTree reference
            && reference.getQualifierExpression() == leaf
            && APPENDS.contains(reference.getName().toString())) {
          fill = lineCallbackFill(use.path().getParentPath());
        }
        if (fill.isPresent()) {
          return fill;
        }
      }
      return Optional.empty();
    }

    /** The buffer (or a writer over it) passed to a call: a copy, a serializer, a wrapper. */
    private Optional<Fill> fillByCall(TreePath callPath, Tree argument, int depth) {
      Tree call = callPath.getLeaf();
      if (call instanceof MethodInvocationTree invocation) {
        InMemoryBuffers.Copy copy = InMemoryBuffers.copyOf(invocation, state);
        if (copy != null && stripped(copy.target()) == argument) {
          return unbounded(Kind.STREAM_COPY, copy.call(), copy.source());
        }
      }
      List<? extends ExpressionTree> args = arguments(call);
      Serializers.Serialization serialization = Serializers.of((ExpressionTree) call, args, state);
      if (serialization != null && stripped(serialization.sink()) == argument) {
        if (!serialization.streaming()) {
          return runsPerItem(callPath)
              ? Optional.of(
                  new Fill(Kind.SERIALIZER, serialization.serializer(), BodyOrigin.UNKNOWN))
              : Optional.empty();
        }
        boolean fed =
            !Serializers.isGenerator((ExpressionTree) call, state) || isFedOrHandedOn(callPath);
        return fed
            ? Optional.of(new Fill(Kind.GENERATOR, serialization.serializer(), BodyOrigin.UNKNOWN))
            : Optional.empty();
      }
      if (call instanceof NewClassTree wrapper
          && depth < MAX_WRAPPERS
          && BodySources.isSubtypeOfAny(ASTHelpers.getType(wrapper), SINKS, state)) {
        if (InMemoryBuffers.isArchive(ASTHelpers.getType(wrapper), state)) {
          return archiveFill(callPath, wrapper);
        }
        return fillOf(callPath, depth + 1);
      }
      return Optional.empty();
    }

    /**
     * Whether the generator created at {@code generator} is written per iteration of a loop, or
     * handed on (passed to other code, returned, kept in a field) so that others feed it; a
     * generator written a few times right here holds a few values.
     */
    private boolean isFedOrHandedOn(TreePath generator) {
      Optional<VarSymbol> local = LocalVariables.assignedLocal(generator);
      if (local.isEmpty()) {
        return true; // returned, stored or passed on as it is created
      }
      for (LocalVariables.Use use : LocalVariables.usesAfter(generator, local.get(), state)) {
        Tree parent = use.parent();
        if (use.perIteration()
            || isArgumentOf(parent, use.path().getLeaf())
            || parent instanceof ReturnTree
            || (parent instanceof AssignmentTree assignment
                && assignment.getExpression() == use.path().getLeaf())) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether the code at {@code path} runs per item: in a loop of its own method, or in a method
     * this file calls per iteration of a loop.
     */
    private boolean runsPerItem(TreePath path) {
      MethodTree method = null;
      Tree child = null;
      for (TreePath current = path; current != null; current = current.getParentPath()) {
        Tree leaf = current.getLeaf();
        if (child != null && Loops.runsPerIteration(leaf, child, state)) {
          return true;
        }
        if (leaf instanceof MethodTree declaration) {
          method = declaration;
          break;
        }
        if (leaf instanceof ClassTree || leaf instanceof LambdaExpressionTree) {
          return false; // a lambda here may run anywhere, later
        }
        child = leaf;
      }
      MethodSymbol symbol = method == null ? null : ASTHelpers.getSymbol(method);
      return symbol != null && index.callsOf(symbol).stream().anyMatch(this::inLoopOfItsMethod);
    }

    private boolean inLoopOfItsMethod(TreePath call) {
      Tree child = null;
      for (TreePath current = call; current != null; current = current.getParentPath()) {
        Tree leaf = current.getLeaf();
        if (leaf instanceof MethodTree || leaf instanceof ClassTree) {
          return false;
        }
        if (child != null && Loops.runsPerIteration(leaf, child, state)) {
          return true;
        }
        child = leaf;
      }
      return false;
    }

    /** An archive stream over the buffer whose entries are put in a loop. */
    private Optional<Fill> archiveFill(TreePath archivePath, NewClassTree archive) {
      Optional<VarSymbol> local = LocalVariables.assignedLocal(archivePath);
      if (local.isEmpty()) {
        return Optional.empty();
      }
      for (LocalVariables.Use use : LocalVariables.usesAfter(archivePath, local.get(), state)) {
        if (use.perIteration()
            && use.parent() instanceof MemberSelectTree select
            && select.getExpression() == use.path().getLeaf()
            && select.getIdentifier().contentEquals("putNextEntry")) {
          return Optional.of(
              new Fill(
                  Kind.ARCHIVE,
                  ASTHelpers.getType(archive).tsym.getSimpleName().toString(),
                  BodyOrigin.UNKNOWN));
        }
      }
      return Optional.empty();
    }

    /**
     * An append per iteration of a loop that reads a stream or the rows of a query, or walks the
     * lines of a file: the loop's whole input ends up in the buffer, unless the loop counts it
     * against a limit, resets the buffer per record, or appends only what passes a test.
     */
    private Optional<Fill> loopFill(
        TreePath append, TreePath creation, List<LocalVariables.Use> uses) {
      // From the innermost loop out (`while (rows.next()) { for (cell : cells) append }`), up to
      // the loop, if any, that also creates the buffer.
      for (TreePath loopPath = enclosingLoopPath(append);
          loopPath != null && !isWithin(creation, loopPath);
          loopPath = enclosingLoopPath(loopPath)) {
        if (isFiltered(append, loopPath) || resetsIn(loopPath, uses)) {
          return Optional.empty();
        }
        StatementTree loop = (StatementTree) loopPath.getLeaf();
        if (loop instanceof EnhancedForLoopTree forEach) {
          ExpressionTree walked = ASTHelpers.stripParentheses(forEach.getExpression());
          if (FILE_LINE_LISTS.matches(walked, state)
              || CollectedLines.isLineStream(walked, index, state)) {
            return Optional.of(new Fill(Kind.LINES, "", BodyOrigin.UNKNOWN));
          }
          continue;
        }
        MethodInvocationTree read = firstReadOf(loop);
        boolean rows = read == null && readsRows(loop);
        if ((read != null || rows) && InMemoryBuffers.isBoundedLoop(loop, index, state)) {
          return Optional.empty(); // it counts what it read, or the buffer's size, against a limit
        }
        if (read != null && ASTHelpers.getReceiver(read) != null) {
          return unbounded(Kind.READ_LOOP, "", ASTHelpers.getReceiver(read));
        }
        if (rows) {
          return Optional.of(new Fill(Kind.ROWS, "", BodyOrigin.UNKNOWN));
        }
      }
      return Optional.empty();
    }

    /** The loop's first read of a stream, reader or scanner, if it reads one. */
    private @Nullable MethodInvocationTree firstReadOf(StatementTree loop) {
      MethodInvocationTree[] read = {null};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          if (read[0] == null
              && InMemoryBuffers.READ_NEXT.matches(call, state)
              && InMemoryBuffers.isFirstRead(call, loop, state)) {
            read[0] = call;
          }
          return super.visitMethodInvocation(call, null);
        }
      }.scan(loop, null);
      return read[0];
    }

    /** Whether the loop walks a query result ({@code while (rows.next())}). */
    private boolean readsRows(StatementTree loop) {
      ExpressionTree condition =
          loop instanceof WhileLoopTree whileLoop
              ? whileLoop.getCondition()
              : loop instanceof DoWhileLoopTree doWhile
                  ? doWhile.getCondition()
                  : loop instanceof ForLoopTree forLoop ? forLoop.getCondition() : null;
      boolean[] rows = {false};
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          rows[0] |= ROWS_NEXT.matches(call, state);
          return super.visitMethodInvocation(call, null);
        }
      }.scan(condition, null);
      return rows[0];
    }

    /**
     * An append inside a lambda or anonymous class handed on to be called per line: to {@code
     * forEach} of a reader's or file's lines, or to the project's own line reader.
     */
    private Optional<Fill> callbackFill(TreePath append, TreePath creation) {
      for (TreePath current = append.getParentPath();
          current != null && current.getLeaf() != creation.getLeaf();
          current = current.getParentPath()) {
        Tree leaf = current.getLeaf();
        if (leaf instanceof LambdaExpressionTree) {
          return lineCallbackFill(current);
        }
        if (leaf instanceof ClassTree
            && current.getParentPath().getLeaf() instanceof NewClassTree) {
          return lineCallbackFill(current.getParentPath());
        }
        if (leaf instanceof MethodTree
            && !(current.getParentPath().getLeaf() instanceof ClassTree)) {
          return Optional.empty();
        }
      }
      return Optional.empty();
    }

    /** The callback at {@code callback}, if it is handed to something that calls it per line. */
    private Optional<Fill> lineCallbackFill(TreePath callback) {
      TreePath argument = outermostExpression(callback);
      if (!(argument.getParentPath().getLeaf() instanceof MethodInvocationTree call)
          || !call.getArguments().contains(argument.getLeaf())) {
        return Optional.empty();
      }
      MethodSymbol method = ASTHelpers.getSymbol(call);
      if (method == null) {
        return Optional.empty();
      }
      if (method.getSimpleName().contentEquals("forEach")
          && CollectedLines.isLineStream(ASTHelpers.getReceiver(call), index, state)) {
        return Optional.of(new Fill(Kind.LINES, "`lines().forEach(...)`", BodyOrigin.UNKNOWN));
      }
      int position = call.getArguments().indexOf(argument.getLeaf());
      return CompiledSources.unitOf(method, state) != null
              && StreamHelpers.feedsLinesTo(method, position, state)
          ? Optional.of(new Fill(Kind.LINES, InMemoryBuffers.callName(method), BodyOrigin.UNKNOWN))
          : Optional.empty();
    }

    /** A copy of {@code source}: none when what is copied is bounded or bundled with the code. */
    private Optional<Fill> unbounded(Kind kind, String by, ExpressionTree source) {
      BodyOrigin origin = BodyReadSources.originOf(source, index, state);
      if (origin.isBounded() || origin.isBundled()) {
        return Optional.empty();
      }
      return Optional.of(new Fill(kind, by, origin));
    }

    /** Whether the append only runs when something about the record passes a test. */
    private boolean isFiltered(TreePath append, TreePath loop) {
      Tree child = append.getLeaf();
      for (TreePath current = append.getParentPath();
          current != null && current.getLeaf() != loop.getLeaf();
          current = current.getParentPath()) {
        Tree leaf = current.getLeaf();
        ExpressionTree condition =
            leaf instanceof IfTree branch && branch.getCondition() != child
                ? branch.getCondition()
                : leaf instanceof ConditionalExpressionTree choice && choice.getCondition() != child
                    ? choice.getCondition()
                    : null;
        if (condition != null && containsCall(condition)) {
          return true;
        }
        child = leaf;
      }
      return false;
    }

    /** Whether the buffer is emptied inside the loop: it then holds one record at a time. */
    private boolean resetsIn(TreePath loop, List<LocalVariables.Use> uses) {
      for (LocalVariables.Use use : uses) {
        if (use.parent() instanceof MemberSelectTree select
            && RESETS.contains(select.getIdentifier().toString())
            && isWithin(use.path(), loop)) {
          return true;
        }
      }
      return false;
    }
  }

  private static @Nullable TreePath enclosingLoopPath(TreePath path) {
    for (TreePath current = path.getParentPath();
        current != null;
        current = current.getParentPath()) {
      Tree leaf = current.getLeaf();
      if (leaf instanceof WhileLoopTree
          || leaf instanceof DoWhileLoopTree
          || leaf instanceof ForLoopTree
          || leaf instanceof EnhancedForLoopTree) {
        return current;
      }
      if (leaf instanceof MethodTree
          || leaf instanceof LambdaExpressionTree
          || leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  private static boolean isWithin(TreePath path, TreePath ancestor) {
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      if (current.getLeaf() == ancestor.getLeaf()) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsCall(ExpressionTree condition) {
    Boolean found =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitMethodInvocation(MethodInvocationTree tree, Void unused) {
            return true;
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(condition, null);
    return Boolean.TRUE.equals(found);
  }

  /** The path of the expression around {@code path} once parentheses and casts are left. */
  private static TreePath outermostExpression(TreePath path) {
    TreePath current = path;
    while (current.getParentPath() != null
        && (current.getParentPath().getLeaf() instanceof ParenthesizedTree
            || current.getParentPath().getLeaf() instanceof TypeCastTree)) {
      current = current.getParentPath();
    }
    return current;
  }

  private static boolean isArgumentOf(Tree call, Tree argument) {
    return arguments(call).contains(argument);
  }

  private static List<? extends ExpressionTree> arguments(Tree call) {
    if (call instanceof MethodInvocationTree invocation) {
      return invocation.getArguments();
    }
    return call instanceof NewClassTree newClass ? newClass.getArguments() : List.of();
  }

  private static Tree stripped(ExpressionTree tree) {
    ExpressionTree current = ASTHelpers.stripParentheses(tree);
    while (current instanceof TypeCastTree cast) {
      current = ASTHelpers.stripParentheses(cast.getExpression());
    }
    return current;
  }
}
