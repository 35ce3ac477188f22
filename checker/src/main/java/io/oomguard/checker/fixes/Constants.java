package io.oomguard.checker.fixes;

import com.google.errorprone.VisitorState;
import com.google.errorprone.fixes.SuggestedFix;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.Modifier;

/**
 * A named constant for a value a fix introduces and the user must review (a queue capacity, a
 * cache's maximum size), added as the last member of the class the fix is in.
 *
 * <p>Last, not first: Error Prone's "add first" scans back from the first member for the class's
 * open brace, and Lombok's generated members (positioned at their annotation, before that brace)
 * made it throw; and a diagnostic quotes the first line a fix edits, which is then the edited code
 * rather than the new constant.
 */
public final class Constants {
  private Constants() {}

  /**
   * Adds {@code // TODO: review: <review>} and {@code private static final <type> <NAME> =
   * <value>;} to the innermost named class around {@code path}, with {@code baseName} or, when the
   * class declares that name already, {@code baseName_2}, ...; returns how the code at {@code path}
   * refers to it: the name, qualified by the class inside its static initializers (there a simple
   * name declared further down is an illegal forward reference). Where no class can hold it (an
   * interface, an enum, an anonymous class only), returns {@code value} itself.
   */
  public static String add(
      TreePath path,
      VisitorState state,
      SuggestedFix.Builder fix,
      String type,
      String baseName,
      String value,
      String review) {
    ClassTree holder = holder(path);
    if (holder == null) {
      return value;
    }
    String name = freshName(holder, baseName);
    // Just before the class's closing brace, indented as its members are. Not Error Prone's
    // addMembers: it inserts the text unindented, and the build log and SARIF show it as is.
    CharSequence source = state.getSourceCode();
    int closing = state.getEndPosition(holder) - 1;
    if (source == null || closing <= 0 || source.charAt(closing) != '}') {
      return value;
    }
    int lineStart = closing;
    while (lineStart > 0 && source.charAt(lineStart - 1) != '\n') {
      lineStart--;
    }
    String closingIndent = leadingWhiteSpace(source, lineStart, closing);
    boolean braceOnItsOwnLine = closingIndent.length() == closing - lineStart;
    String indent = closingIndent + "  ";
    String member =
        indent
            + "// TODO: review: "
            + review
            + "\n"
            + indent
            + "private static final "
            + type
            + " "
            + name
            + " = "
            + value
            + ";\n";
    if (braceOnItsOwnLine) {
      fix.replace(lineStart, lineStart, "\n" + member);
    } else {
      fix.replace(closing, closing, "\n" + member + closingIndent);
    }
    return inStaticInitializer(path, holder) ? holder.getSimpleName() + "." + name : name;
  }

  /** Whether {@code path} is in a static field's initializer or a static block of {@code type}. */
  private static boolean inStaticInitializer(TreePath path, ClassTree type) {
    for (TreePath p = path; p != null && p.getParentPath() != null; p = p.getParentPath()) {
      if (p.getParentPath().getLeaf() != type) {
        continue;
      }
      Tree member = p.getLeaf();
      if (member instanceof VariableTree field) {
        return field.getModifiers().getFlags().contains(Modifier.STATIC);
      }
      return member instanceof BlockTree block && block.isStatic();
    }
    return false;
  }

  private static String leadingWhiteSpace(CharSequence source, int from, int to) {
    int end = from;
    while (end < to && (source.charAt(end) == ' ' || source.charAt(end) == '\t')) {
      end++;
    }
    return source.subSequence(from, end).toString();
  }

  /** The innermost named class or record: enums and interfaces cannot take a private field last. */
  private static ClassTree holder(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree type
          && !type.getSimpleName().isEmpty()
          && (type.getKind() == Tree.Kind.CLASS || type.getKind() == Tree.Kind.RECORD)) {
        return type;
      }
    }
    return null;
  }

  /** {@code base}, or {@code base_2}, ... when the class already declares that name. */
  private static String freshName(ClassTree owner, String base) {
    String candidate = base;
    for (int suffix = 2; declares(owner, candidate); suffix++) {
      candidate = base + "_" + suffix;
    }
    return candidate;
  }

  private static boolean declares(ClassTree owner, String name) {
    return owner.getMembers().stream()
        .anyMatch(
            member -> member instanceof VariableTree field && field.getName().contentEquals(name));
  }
}
