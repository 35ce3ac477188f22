package io.oomguard.maven.index;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import io.oomguard.maven.index.SourceTypes.SourceMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Method bodies parsed only when the call-graph search reaches them.
 *
 * <p>Most of a module's text is method bodies, and most bodies are not reachable from an entry
 * point: a library has none, a service reaches its handlers' callees. Before JavaParser sees a
 * file, {@link #strip} replaces each method and constructor body by a one-statement placeholder
 * naming where the original text is kept, so the parse yields the declarations (types, fields,
 * signatures, annotations) the resolution needs. {@link #attach} parses a body the first time the
 * search asks for a method's callees.
 *
 * <p>{@link #strip} follows only the brace structure of type bodies, with strings, characters and
 * text blocks skipped; it leaves out comments outside bodies (license headers and Javadoc are much
 * of a file). Everything else (field initializers, initializer blocks, enum constant bodies,
 * compact record constructors, annotation defaults) stays as written. When the structure is not one
 * it can follow it throws, and the file is parsed whole.
 */
final class LazyBodies {
  /** The name of the call that stands for a stripped body: {@code $oomguard$body(n);}. */
  static final String MARKER = "$oomguard$body";

  /** A file's text with its method bodies replaced by placeholders, and the bodies. */
  record Skeleton(String text, List<String> bodies) {}

  private final JavaParser parser;

  private final List<String> problems = new ArrayList<>();
  private int parsed;

  LazyBodies(JavaParser parser) {
    this.parser = parser;
  }

  /**
   * Replaces every method and constructor body of {@code source} by a placeholder.
   *
   * @throws IllegalArgumentException when the braces of {@code source} do not balance
   */
  static Skeleton strip(String source) {
    Stripper stripper = new Stripper(source);
    stripper.typeBody(false, true);
    return new Skeleton(stripper.out.toString(), stripper.bodies);
  }

  /**
   * Puts {@code method}'s real body in place of its placeholder, parsing it now. A body that does
   * not parse is replaced by an empty one and listed in {@link #problems()}.
   */
  void attach(SourceMethod method) {
    Optional<BlockStmt> body =
        method.declaration instanceof MethodDeclaration declared
            ? declared.getBody()
            : method.declaration instanceof ConstructorDeclaration constructor
                ? Optional.of(constructor.getBody())
                : Optional.empty();
    Optional<Integer> index = body.flatMap(LazyBodies::placeholder);
    if (index.isEmpty() || index.get() >= method.owner.file.bodies.size()) {
      return;
    }
    String text = method.owner.file.bodies.get(index.get());
    parsed++;
    BlockStmt real = null;
    List<Problem> failures;
    if (method.declaration instanceof ConstructorDeclaration) {
      // A block may not start with this(...) or super(...); a constructor's may.
      ParseResult<BodyDeclaration<?>> result = parser.parseBodyDeclaration("C()" + text);
      failures = result.getProblems();
      if (result.isSuccessful()
          && result.getResult().orElse(null) instanceof ConstructorDeclaration constructor) {
        real = constructor.getBody();
      }
    } else {
      ParseResult<BlockStmt> result = parser.parseBlock(text);
      failures = result.getProblems();
      if (result.isSuccessful()) {
        real = result.getResult().orElse(null);
      }
    }
    if (real == null) {
      problems.add(method.owner.binaryName + "." + method.name + ": " + failures);
      real = new BlockStmt();
    }
    if (method.declaration instanceof MethodDeclaration declared) {
      declared.setBody(real);
    } else if (method.declaration instanceof ConstructorDeclaration constructor) {
      constructor.setBody(real);
    }
  }

  /** Bodies that did not parse, as {@code Type.method: problems}. */
  List<String> problems() {
    return problems;
  }

  /** How many bodies {@link #attach} parsed. */
  int parsed() {
    return parsed;
  }

  private static Optional<Integer> placeholder(BlockStmt body) {
    if (body.getStatements().size() == 1
        && body.getStatement(0) instanceof ExpressionStmt statement
        && statement.getExpression() instanceof MethodCallExpr call
        && call.getScope().isEmpty()
        && call.getNameAsString().equals(MARKER)
        && call.getArguments().size() == 1
        && call.getArgument(0) instanceof IntegerLiteralExpr number) {
      return Optional.of(number.asNumber().intValue());
    }
    return Optional.empty();
  }

  /** One pass over a file's text, copying it to {@link #out} with the bodies taken out. */
  private static final class Stripper {
    private final String src;
    private final StringBuilder out;
    private final List<String> bodies = new ArrayList<>();
    private int pos;

    Stripper(String src) {
      this.src = src;
      this.out = new StringBuilder(src.length() / 2);
    }

    /**
     * Copies the members of a type body (or, when {@code topLevel}, of the file) up to and
     * including the brace that closes it.
     */
    void typeBody(boolean isEnum, boolean topLevel) {
      Member member = new Member(isEnum);
      int parens = 0;
      while (pos < src.length()) {
        char c = src.charAt(pos);
        if (skipLiteralOrComment()) {
          continue;
        }
        if (parens > 0) {
          if (c == '(') {
            parens++;
          } else if (c == ')' && --parens == 0) {
            member.parenGroups++;
          }
          copy();
          continue;
        }
        switch (c) {
          case '(' -> {
            parens++;
            copy();
          }
          case ')' -> throw new IllegalArgumentException("unbalanced ) at " + pos);
          case '=' -> {
            member.assigned = true;
            copy();
          }
          case ';' -> {
            member.reset(false);
            copy();
          }
          case ',' -> {
            if (member.enumConstants) {
              member.reset(true);
            }
            copy();
          }
          case '}' -> {
            if (topLevel) {
              throw new IllegalArgumentException("unbalanced } at " + pos);
            }
            copy();
            return;
          }
          case '{' -> openBrace(member);
          default -> {
            if (Character.isJavaIdentifierStart(c)) {
              identifier(member);
            } else {
              copy();
            }
          }
        }
      }
      if (!topLevel) {
        throw new IllegalArgumentException("type body not closed");
      }
    }

    private void openBrace(Member member) {
      if (member.typeKeyword != null) {
        boolean isEnum = member.typeKeyword.equals("enum");
        copy();
        typeBody(isEnum, false);
        member.reset(false);
      } else if (member.parenGroups > 0
          && !member.assigned
          && !member.enumConstants
          && !member.defaultValue) {
        int start = pos;
        int end = blockEnd(pos);
        String body = src.substring(start, end);
        out.append('{').append(MARKER).append('(').append(bodies.size()).append(");");
        for (int i = 0; i < body.length(); i++) {
          if (body.charAt(i) == '\n') {
            out.append('\n'); // keeps the lines of what follows where they were
          }
        }
        out.append('}');
        bodies.add(body);
        pos = end;
        member.reset(false);
      } else {
        // An initializer block, enum constant body, compact constructor, array or anonymous class
        // in a field initializer, annotation default: kept as written.
        int end = blockEnd(pos);
        out.append(src, pos, end);
        pos = end;
        if (!member.assigned) {
          member.reset(member.enumConstants);
        }
      }
    }

    private void identifier(Member member) {
      int start = pos;
      while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) {
        pos++;
      }
      String word = src.substring(start, pos);
      out.append(word);
      char before = previousSignificant(start);
      switch (word) {
        case "class", "enum" -> {
          if (before != '.') {
            member.typeKeyword = word;
          }
        }
        case "interface" -> member.typeKeyword = word;
        case "record" -> {
          if (Character.isJavaIdentifierStart(nextSignificant(pos))) {
            member.typeKeyword = word;
          }
        }
        case "default" -> {
          if (member.parenGroups > 0) {
            member.defaultValue = true;
          }
        }
        default -> {}
      }
    }

    /** The index just past the brace that closes the block opening at {@code open}. */
    private int blockEnd(int open) {
      int saved = pos;
      int outLength = out.length();
      pos = open;
      int depth = 0;
      try {
        while (pos < src.length()) {
          if (skipLiteralOrComment()) {
            continue;
          }
          char c = src.charAt(pos++);
          if (c == '{') {
            depth++;
          } else if (c == '}' && --depth == 0) {
            return pos;
          }
        }
        throw new IllegalArgumentException("block at " + open + " not closed");
      } finally {
        pos = saved;
        out.setLength(outLength);
      }
    }

    /**
     * Copies a string, text block, character literal or comment starting at {@link #pos}, if one
     * does; returns whether it did.
     */
    private boolean skipLiteralOrComment() {
      char c = src.charAt(pos);
      int start = pos;
      if (c == '/' && pos + 1 < src.length() && src.charAt(pos + 1) == '/') {
        int end = src.indexOf('\n', pos);
        pos = end < 0 ? src.length() : end;
        out.append(' ');
        return true;
      } else if (c == '/' && pos + 1 < src.length() && src.charAt(pos + 1) == '*') {
        int end = src.indexOf("*/", pos + 2);
        if (end < 0) {
          throw new IllegalArgumentException("comment not closed");
        }
        pos = end + 2;
        // A comment is left out of the skeleton (license headers and Javadoc are a good part of
        // the text); its line breaks stay, so that what follows keeps its line.
        out.append(' ');
        for (int i = start; i < pos; i++) {
          if (src.charAt(i) == '\n') {
            out.append('\n');
          }
        }
        return true;
      } else if (src.startsWith("\"\"\"", pos)) {
        pos += 3;
        while (!src.startsWith("\"\"\"", pos)) {
          if (pos >= src.length()) {
            throw new IllegalArgumentException("text block not closed");
          }
          pos += src.charAt(pos) == '\\' ? 2 : 1;
        }
        pos += 3;
      } else if (c == '"' || c == '\'') {
        pos++;
        while (pos < src.length() && src.charAt(pos) != c) {
          if (src.charAt(pos) == '\n') {
            throw new IllegalArgumentException("literal not closed");
          }
          pos += src.charAt(pos) == '\\' ? 2 : 1;
        }
        pos++;
      } else {
        return false;
      }
      if (pos > src.length()) {
        throw new IllegalArgumentException("literal not closed");
      }
      out.append(src, start, pos);
      return true;
    }

    private void copy() {
      out.append(src.charAt(pos++));
    }

    private char previousSignificant(int before) {
      for (int i = before - 1; i >= 0; i--) {
        if (!Character.isWhitespace(src.charAt(i))) {
          return src.charAt(i);
        }
      }
      return ' ';
    }

    private char nextSignificant(int from) {
      for (int i = from; i < src.length(); i++) {
        if (!Character.isWhitespace(src.charAt(i))) {
          return src.charAt(i);
        }
      }
      return ' ';
    }
  }

  /** What has been seen of the member being read, at the type body's own nesting level. */
  private static final class Member {
    boolean enumConstants;
    String typeKeyword;
    int parenGroups;
    boolean assigned;
    boolean defaultValue;

    Member(boolean isEnum) {
      this.enumConstants = isEnum;
    }

    void reset(boolean stillEnumConstants) {
      enumConstants = stillEnumConstants;
      typeKeyword = null;
      parenGroups = 0;
      assigned = false;
      defaultValue = false;
    }
  }
}
