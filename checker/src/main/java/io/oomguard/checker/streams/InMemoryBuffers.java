package io.oomguard.checker.streams;

import static com.google.errorprone.matchers.Matchers.anyOf;
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
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import javax.lang.model.element.ElementKind;
import org.jspecify.annotations.Nullable;

/**
 * Recognizes in-memory buffers ({@code ByteArrayOutputStream}, {@code StringBuilder}, {@code
 * StringWriter}...) and the hand-written copy loop that drains a stream into one: {@code while ((n
 * = in.read(buf)) != -1) out.write(buf, 0, n);} or {@code while ((line = reader.readLine()) !=
 * null) sb.append(line);}.
 *
 * <p>A loop is bounded when it compares a running total against something ({@code total += n; if
 * (total > MAX) throw ...}) or checks the buffer's {@code size()}/{@code length()}; counters
 * declared inside the loop body reset every iteration and bound nothing.
 */
public final class InMemoryBuffers {
  private static final ImmutableList<String> BUFFER_TYPES =
      ImmutableList.of(
          "java.io.ByteArrayOutputStream",
          "java.io.CharArrayWriter",
          "java.io.StringWriter",
          "java.lang.StringBuilder",
          "java.lang.StringBuffer",
          "org.apache.commons.io.output.AbstractByteArrayOutputStream",
          "org.apache.commons.io.output.StringBuilderWriter",
          "okio.Buffer");

  static final ImmutableList<String> SINK_WRAPPERS =
      ImmutableList.of("java.io.OutputStream", "java.io.Writer");

  /** Calls that read the next chunk or line of a stream, reader or scanner. */
  static final Matcher<ExpressionTree> READ_NEXT =
      anyOf(
          instanceMethod()
              .onDescendantOfAny("java.io.InputStream", "java.io.Reader")
              .namedAnyOf("read", "readLine", "readNBytes"),
          instanceMethod().onExactClass("java.util.Scanner").namedAnyOf("nextLine", "next"));

  private static final ImmutableSet<String> APPENDS =
      ImmutableSet.of("write", "append", "print", "println", "writeBytes", "writeUtf8");

  private static final ImmutableSet<String> COLLECTION_ADDS =
      ImmutableSet.of("add", "addLast", "offer", "offerLast", "push");

  private static final ImmutableSet<String> SIZES = ImmutableSet.of("size", "length");

  private static final int MAX_DEPTH = 4;

  /** {@code in.transferTo(out)}. */
  private static final Matcher<ExpressionTree> TRANSFER_TO =
      instanceMethod()
          .onDescendantOfAny("java.io.InputStream", "java.io.Reader")
          .named("transferTo");

  /** Static copies from their first argument into their second. */
  private static final Matcher<ExpressionTree> LIBRARY_COPIES =
      anyOf(
          staticMethod().onClass("org.apache.commons.io.IOUtils").namedAnyOf("copy", "copyLarge"),
          staticMethod()
              .onClassAny("com.google.common.io.ByteStreams", "com.google.common.io.CharStreams")
              .named("copy"),
          staticMethod()
              .onClassAny(
                  "org.springframework.util.StreamUtils", "org.springframework.util.FileCopyUtils")
              .named("copy"));

  /** Output streams that write an archive of entries into the stream they wrap. */
  private static final ImmutableList<String> ARCHIVES =
      ImmutableList.of(
          "java.util.zip.ZipOutputStream",
          "org.apache.commons.compress.archivers.ArchiveOutputStream");

  private static final ImmutableList<String> CALLBACK_LINES =
      ImmutableList.of("java.util.stream.Stream");

  /**
   * A copy of a whole stream into a sink.
   *
   * @param source the stream or reader copied
   * @param target the stream or writer it is copied into
   * @param call the copying call, as a message names it ({@code `transferTo(...)`})
   */
  record Copy(ExpressionTree source, ExpressionTree target, String call) {}

  private InMemoryBuffers() {}

  /** Whether {@code type} is one of the in-memory buffers. */
  static boolean isBufferType(@Nullable Type type, VisitorState state) {
    return BodySources.isSubtypeOfAny(type, BUFFER_TYPES, state);
  }

  /** Whether {@code type} is an archive stream ({@code ZipOutputStream}...). */
  static boolean isArchive(@Nullable Type type, VisitorState state) {
    return BodySources.isSubtypeOfAny(type, ARCHIVES, state);
  }

  /**
   * The whole-stream copy {@code call} makes, not counting read loops: {@code in.transferTo(out)},
   * commons-io / Guava / Spring {@code copy(in, out)} without a length, or a call of the project's
   * own copy helper ({@link StreamHelpers}).
   */
  static @Nullable Copy copyOf(MethodInvocationTree call, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null) {
      return null;
    }
    List<? extends ExpressionTree> args = call.getArguments();
    if (TRANSFER_TO.matches(call, state) && args.size() == 1) {
      ExpressionTree receiver = ASTHelpers.getReceiver(call);
      return receiver == null ? null : new Copy(receiver, args.get(0), "`transferTo(...)`");
    }
    if (LIBRARY_COPIES.matches(call, state)
        && args.size() >= 2
        && method.getParameters().stream().noneMatch(p -> p.type.getTag() == TypeTag.LONG)
        && BodySources.isSubtypeOfAny(
            method.getParameters().get(0).type,
            List.of("java.io.InputStream", "java.io.Reader", "java.lang.Readable"),
            state)) {
      return new Copy(args.get(0), args.get(1), callName(method));
    }
    if (!args.isEmpty() && CompiledSources.unitOf(method, state) != null) {
      for (int to = 0; to < args.size(); to++) {
        OptionalInt from = StreamHelpers.copySource(method, to, state);
        if (from.isPresent() && from.getAsInt() < args.size()) {
          return new Copy(args.get(from.getAsInt()), args.get(to), callName(method));
        }
      }
    }
    return null;
  }

  /**
   * If {@code read} is the first read of a loop that appends what it reads somewhere with no bound
   * visible in the loop: the stream read and the first thing appended to.
   */
  static @Nullable Copy loopCopyOf(
      MethodInvocationTree read, TreePath readPath, SourceIndex index, VisitorState state) {
    if (!READ_NEXT.matches(read, state)) {
      return null;
    }
    StatementTree loop = enclosingLoop(readPath);
    ExpressionTree source = ASTHelpers.getReceiver(read);
    if (loop == null || source == null || !isFirstRead(read, loop, state)) {
      return null;
    }
    ExpressionTree target = firstAppendTarget(loop, state);
    if (target == null || isBoundedLoop(loop, index, state)) {
      return null;
    }
    return new Copy(source, target, "a read loop");
  }

  /**
   * The callback a loop over read lines (or a stream of them) hands each line to, in {@code call}:
   * the receiver of a call inside a loop that reads lines ({@code consumer.accept(line)}), or the
   * argument of {@code lines.forEach(consumer)} on {@code BufferedReader.lines()} or {@code
   * Files.lines(path)}.
   */
  static @Nullable ExpressionTree lineConsumerOf(
      MethodInvocationTree call, TreePath path, VisitorState state) {
    MethodSymbol method = ASTHelpers.getSymbol(call);
    if (method == null) {
      return null;
    }
    if (method.getSimpleName().contentEquals("forEach")
        && call.getArguments().size() == 1
        && BodySources.isSubtypeOfAny(ASTHelpers.getReceiverType(call), CALLBACK_LINES, state)
        && CollectedLines.isLineStream(ASTHelpers.getReceiver(call), state)) {
      return call.getArguments().get(0);
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    StatementTree loop = enclosingLoop(path);
    if (receiver instanceof IdentifierTree
        && loop != null
        && readsLines(loop, state)
        && !READ_NEXT.matches(call, state)) {
      return receiver;
    }
    return null;
  }

  /**
   * The parameter of {@code method} that {@code sink} is or writes into (through locals and writers
   * or streams wrapped around it); -1 when it is none.
   */
  static int sinkParameter(
      @Nullable ExpressionTree sink, MethodSymbol method, SourceIndex index, VisitorState state) {
    return sinkParameter(sink, method, index, state, 0);
  }

  private static int sinkParameter(
      @Nullable ExpressionTree sink,
      MethodSymbol method,
      SourceIndex index,
      VisitorState state,
      int depth) {
    if (sink == null || depth > MAX_DEPTH) {
      return -1;
    }
    ExpressionTree tree = ASTHelpers.stripParentheses(sink);
    if (tree instanceof TypeCastTree cast) {
      tree = cast.getExpression();
    }
    if (tree instanceof NewClassTree newClass) {
      if (!BodySources.isSubtypeOfAny(ASTHelpers.getType(tree), SINK_WRAPPERS, state)) {
        return -1;
      }
      for (ExpressionTree arg : newClass.getArguments()) {
        int parameter = sinkParameter(arg, method, index, state, depth + 1);
        if (parameter >= 0) {
          return parameter;
        }
      }
      return -1;
    }
    Symbol symbol = ASTHelpers.getSymbol(tree);
    if (!(tree instanceof IdentifierTree || tree instanceof MemberSelectTree) || symbol == null) {
      return -1;
    }
    if (symbol.getKind() == ElementKind.PARAMETER) {
      return method.getParameters().indexOf(symbol);
    }
    // A local, or a field the method itself sets (`this.out = out; generator = create(out)`).
    if (symbol.getKind() == ElementKind.LOCAL_VARIABLE
        || symbol.getKind() == ElementKind.RESOURCE_VARIABLE
        || symbol.getKind() == ElementKind.FIELD) {
      for (ExpressionTree value : index.valuesOf(symbol)) {
        int parameter = sinkParameter(value, method, index, state, depth + 1);
        if (parameter >= 0) {
          return parameter;
        }
      }
    }
    return -1;
  }

  /** Whether {@code sink} is, or writes straight into, a buffer held in memory. */
  static boolean isBuffer(@Nullable ExpressionTree sink, SourceIndex index, VisitorState state) {
    return bufferName(sink, index, state, 0) != null;
  }

  /**
   * The name of the buffer type behind {@code sink} ({@code `ByteArrayOutputStream`}), seen through
   * casts, local variables and writers wrapped around it; {@code null} if it is none.
   */
  static @Nullable String bufferName(
      @Nullable ExpressionTree sink, SourceIndex index, VisitorState state, int depth) {
    if (sink == null || depth > MAX_DEPTH) {
      return null;
    }
    ExpressionTree tree = ASTHelpers.stripParentheses(sink);
    if (tree instanceof TypeCastTree cast) {
      tree = cast.getExpression();
    }
    Type type = ASTHelpers.getType(tree);
    if (BodySources.isSubtypeOfAny(type, BUFFER_TYPES, state)) {
      return "`" + type.tsym.getSimpleName() + "`";
    }
    if (tree instanceof NewClassTree newClass) {
      // new OutputStreamWriter(bytes, UTF_8), new PrintWriter(text)
      if (!BodySources.isSubtypeOfAny(type, SINK_WRAPPERS, state)) {
        return null;
      }
      for (ExpressionTree arg : newClass.getArguments()) {
        String name = bufferName(arg, index, state, depth + 1);
        if (name != null) {
          return name;
        }
      }
      return null;
    }
    Symbol symbol = ASTHelpers.getSymbol(tree);
    if (tree instanceof IdentifierTree
        && symbol != null
        && (symbol.getKind() == ElementKind.LOCAL_VARIABLE
            || symbol.getKind() == ElementKind.RESOURCE_VARIABLE)) {
      for (ExpressionTree value : index.valuesOf(symbol)) {
        String name = bufferName(value, index, state, depth + 1);
        if (name != null) {
          return name;
        }
      }
    }
    return null;
  }

  /**
   * If the read at {@code readPath} is the first read of a loop that appends what it reads to an
   * in-memory buffer with no bound visible in the loop, a description of that buffer.
   */
  static Optional<String> unboundedCopyLoop(
      TreePath readPath, Supplier<SourceIndex> index, VisitorState state) {
    StatementTree loop = enclosingLoop(readPath);
    if (loop == null || !isFirstRead(readPath.getLeaf(), loop, state)) {
      return Optional.empty();
    }
    String buffer = bufferFilledBy(loop, index.get(), state);
    if (buffer == null || isBoundedLoop(loop, index.get(), state)) {
      return Optional.empty();
    }
    return Optional.of(buffer);
  }

  /** Whether the loop reads lines ({@code readLine()}, {@code nextLine()}). */
  private static boolean readsLines(StatementTree loop, VisitorState state) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        Symbol method = ASTHelpers.getSymbol(call);
        if (READ_NEXT.matches(call, state)
            && method != null
            && (method.getSimpleName().contentEquals("readLine")
                || method.getSimpleName().contentEquals("nextLine"))) {
          found[0] = true;
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(loop, null);
    return found[0];
  }

  /** The receiver of the first append in the loop ({@code out} of {@code out.write(buf, 0, n)}). */
  private static @Nullable ExpressionTree firstAppendTarget(
      StatementTree loop, VisitorState state) {
    ExpressionTree[] found = {null};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        Symbol method = ASTHelpers.getSymbol(call);
        if (found[0] == null
            && method != null
            && APPENDS.contains(method.getSimpleName().toString())) {
          found[0] = ASTHelpers.getReceiver(call);
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(loop, null);
    return found[0];
  }

  /** {@code `IOUtils.copy(...)`}, the way messages name a static helper. */
  static String callName(MethodSymbol method) {
    return "`"
        + method.owner.getSimpleName()
        + "."
        + method.getSimpleName()
        + (method.getParameters().isEmpty() ? "()" : "(...)")
        + "`";
  }

  static @Nullable StatementTree enclosingLoop(TreePath path) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof WhileLoopTree
          || leaf instanceof DoWhileLoopTree
          || leaf instanceof ForLoopTree) {
        return (StatementTree) leaf;
      }
      if (leaf instanceof MethodTree
          || leaf instanceof LambdaExpressionTree
          || leaf instanceof ClassTree) {
        return null;
      }
    }
    return null;
  }

  /** One finding per loop: only its first read (a for-loop often reads in init and update). */
  static boolean isFirstRead(Tree read, StatementTree loop, VisitorState state) {
    int[] first = {Integer.MAX_VALUE};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (READ_NEXT.matches(call, state)) {
          first[0] = Math.min(first[0], ASTHelpers.getStartPosition(call));
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(loop, null);
    return ASTHelpers.getStartPosition(read) == first[0];
  }

  /**
   * The buffer the loop appends to ({@code sb.append}, {@code out.write}, {@code s += line}), or
   * the collection it adds every line it reads to ({@code lines.add(line)}).
   */
  private static @Nullable String bufferFilledBy(
      StatementTree loop, SourceIndex index, VisitorState state) {
    Set<Symbol> readValues = valuesRead(loop, state);
    String[] found = {null};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        Symbol method = ASTHelpers.getSymbol(call);
        ExpressionTree receiver = ASTHelpers.getReceiver(call);
        if (found[0] == null && method != null) {
          String name = method.getSimpleName().toString();
          if (APPENDS.contains(name)) {
            found[0] = bufferName(receiver, index, state, 0);
          } else if (COLLECTION_ADDS.contains(name)
              && receiver != null
              && call.getArguments().size() == 1
              && isReadValue(call.getArguments().get(0), readValues, state)
              && isCollection(receiver, state)) {
            found[0] = "`" + ASTHelpers.getType(receiver).tsym.getSimpleName() + "` of lines";
          }
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        if (found[0] == null
            && tree.getKind() == Tree.Kind.PLUS_ASSIGNMENT
            && ASTHelpers.isSameType(
                ASTHelpers.getType(tree.getVariable()), state.getSymtab().stringType, state)) {
          found[0] = "a `String`";
        }
        return super.visitCompoundAssignment(tree, null);
      }
    }.scan(loop, null);
    return found[0];
  }

  /** The variables the loop assigns straight from a read ({@code (line = r.readLine())}). */
  private static Set<Symbol> valuesRead(StatementTree loop, VisitorState state) {
    Set<Symbol> read = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitAssignment(AssignmentTree tree, Void unused) {
        record(ASTHelpers.getSymbol(tree.getVariable()), tree.getExpression());
        return super.visitAssignment(tree, null);
      }

      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        record(ASTHelpers.getSymbol(tree), tree.getInitializer());
        return super.visitVariable(tree, null);
      }

      private void record(@Nullable Symbol variable, @Nullable ExpressionTree value) {
        if (variable != null && value != null && READ_NEXT.matches(value, state)) {
          read.add(variable);
        }
      }
    }.scan(loop, null);
    return read;
  }

  private static boolean isCollection(@Nullable ExpressionTree tree, VisitorState state) {
    return tree != null
        && BodySources.isSubtypeOfAny(
            ASTHelpers.getType(tree), List.of("java.util.Collection"), state);
  }

  private static boolean isReadValue(
      ExpressionTree arg, Set<Symbol> readValues, VisitorState state) {
    ExpressionTree tree = ASTHelpers.stripParentheses(arg);
    return READ_NEXT.matches(tree, state)
        || (tree instanceof IdentifierTree && readValues.contains(ASTHelpers.getSymbol(tree)));
  }

  /**
   * Whether the loop compares a running total (a variable it adds to or counts, declared outside
   * its body) or a buffer's size against something.
   */
  static boolean isBoundedLoop(StatementTree loop, SourceIndex index, VisitorState state) {
    Set<Symbol> counters = new HashSet<>();
    Set<Symbol> declaredInBody = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree tree, Void unused) {
        addCounter(tree.getVariable());
        return super.visitCompoundAssignment(tree, null);
      }

      @Override
      public Void visitUnary(UnaryTree tree, Void unused) {
        switch (tree.getKind()) {
          case PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT ->
              addCounter(tree.getExpression());
          default -> {}
        }
        return super.visitUnary(tree, null);
      }

      private void addCounter(ExpressionTree variable) {
        Symbol symbol = ASTHelpers.getSymbol(variable);
        Type type = ASTHelpers.getType(variable);
        if (symbol != null && type != null && type.isPrimitive()) {
          counters.add(symbol);
        }
      }
    }.scan(loop, null);
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null) {
          declaredInBody.add(symbol);
        }
        return super.visitVariable(tree, null);
      }
    }.scan(loopBody(loop), null);
    counters.removeAll(declaredInBody);
    Boolean bounded =
        new TreeScanner<Boolean, Void>() {
          @Override
          public Boolean visitBinary(BinaryTree tree, Void unused) {
            boolean relational =
                switch (tree.getKind()) {
                  case LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN, GREATER_THAN_EQUAL -> true;
                  default -> false;
                };
            if (relational
                && (measuresGrowth(tree.getLeftOperand())
                    || measuresGrowth(tree.getRightOperand()))) {
              return true;
            }
            return super.visitBinary(tree, null);
          }

          private boolean measuresGrowth(ExpressionTree operand) {
            Boolean found =
                new TreeScanner<Boolean, Void>() {
                  @Override
                  public Boolean visitIdentifier(IdentifierTree tree, Void unused) {
                    return counters.contains(ASTHelpers.getSymbol(tree));
                  }

                  @Override
                  public Boolean visitMethodInvocation(MethodInvocationTree call, Void unused) {
                    Symbol method = ASTHelpers.getSymbol(call);
                    if (method != null
                        && SIZES.contains(method.getSimpleName().toString())
                        && (isBuffer(ASTHelpers.getReceiver(call), index, state)
                            || isCollection(ASTHelpers.getReceiver(call), state))) {
                      return true;
                    }
                    return super.visitMethodInvocation(call, null);
                  }

                  @Override
                  public Boolean reduce(Boolean a, Boolean b) {
                    return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
                  }
                }.scan(operand, null);
            return Boolean.TRUE.equals(found);
          }

          @Override
          public Boolean reduce(Boolean a, Boolean b) {
            return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
          }
        }.scan(loop, null);
    return Boolean.TRUE.equals(bounded);
  }

  private static StatementTree loopBody(StatementTree loop) {
    if (loop instanceof WhileLoopTree whileLoop) {
      return whileLoop.getStatement();
    }
    if (loop instanceof DoWhileLoopTree doWhile) {
      return doWhile.getStatement();
    }
    return ((ForLoopTree) loop).getStatement();
  }
}
