package io.oomguard.maven.fork;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;

/**
 * Where a position sits among the declarations of a compilation unit: its enclosing named class and
 * member (for stable finding identities), and the annotation that suppresses a check there.
 *
 * <p>Uses only the public {@code com.sun.source} API on the trees javac kept after flow analysis.
 */
final class Declarations {
  private final TreePath path;

  private Declarations(TreePath path) {
    this.path = path;
  }

  /** The declarations around character offset {@code position} of {@code unit}. */
  static Declarations at(CompilationUnitTree unit, SourcePositions positions, long position) {
    TreePath[] deepest = {new TreePath(unit)};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree == null) {
          return null;
        }
        long start = positions.getStartPosition(unit, tree);
        long end = positions.getEndPosition(unit, tree);
        if (start == Diagnostic.NOPOS || end == Diagnostic.NOPOS) {
          return super.scan(tree, unused); // synthetic trees: look inside, record nothing
        }
        if (position < start || position >= end) {
          return null;
        }
        deepest[0] = new TreePath(getCurrentPath(), tree);
        return super.scan(tree, unused);
      }
    }.scan(new TreePath(unit), null);
    return new Declarations(deepest[0]);
  }

  /** The innermost method, field or initializer whose class has a name; empty for none. */
  private Optional<TreePath> member() {
    for (TreePath p = path; p != null && p.getParentPath() != null; p = p.getParentPath()) {
      Tree parent = p.getParentPath().getLeaf();
      boolean isMember =
          p.getLeaf() instanceof MethodTree
              || p.getLeaf() instanceof VariableTree
              || p.getLeaf() instanceof BlockTree;
      if (isMember
          && parent instanceof ClassTree owner
          && !owner.getSimpleName().contentEquals("")) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The named classes around the member (or the position), outermost first: {@code A.B}. */
  String enclosingClass() {
    TreePath start = member().map(TreePath::getParentPath).orElse(path);
    List<String> names = new ArrayList<>();
    for (TreePath p = start; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree type && !type.getSimpleName().contentEquals("")) {
        names.add(0, type.getSimpleName().toString());
      }
    }
    return String.join(".", names);
  }

  /** The member: {@code name(ParamType,...)}, a field name, {@code {}} or {@code static {}}. */
  String enclosingMember() {
    return member().map(Declarations::describe).orElse("");
  }

  private static String describe(TreePath member) {
    Tree leaf = member.getLeaf();
    if (leaf instanceof MethodTree method) {
      String name = method.getName().toString();
      if (name.equals("<init>")) {
        name = ((ClassTree) member.getParentPath().getLeaf()).getSimpleName().toString();
      }
      return name
          + method.getParameters().stream()
              .map(parameter -> String.valueOf(parameter.getType()))
              .collect(Collectors.joining(",", "(", ")"));
    }
    if (leaf instanceof VariableTree field) {
      return field.getName().toString();
    }
    return ((BlockTree) leaf).isStatic() ? "static {}" : "{}";
  }

  /**
   * The annotation on an enclosing declaration that suppresses {@code check}: a
   * {@code @SuppressWarnings} naming it, or one of {@code customAnnotations} (simple names).
   */
  Optional<Suppressor> suppressorOf(String check, Collection<String> customAnnotations) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      ModifiersTree modifiers = modifiersOf(p.getLeaf());
      if (modifiers == null) {
        continue;
      }
      for (AnnotationTree annotation : modifiers.getAnnotations()) {
        String type = simpleName(annotation.getAnnotationType().toString());
        List<String> strings = strings(annotation);
        if (type.equals("SuppressWarnings") && strings.contains(check)) {
          return Optional.of(new Suppressor("@SuppressWarnings(\"" + check + "\")", ""));
        }
        if (customAnnotations.contains(type)) {
          return Optional.of(
              new Suppressor("@" + type, strings.isEmpty() ? "" : strings.get(0).trim()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A suppressing annotation.
   *
   * @param annotation how it is written, e.g. {@code @OomSafe}
   * @param justification the reason it gives, or empty
   */
  record Suppressor(String annotation, String justification) {}

  private static ModifiersTree modifiersOf(Tree tree) {
    if (tree instanceof ClassTree type) {
      return type.getModifiers();
    }
    if (tree instanceof MethodTree method) {
      return method.getModifiers();
    }
    if (tree instanceof VariableTree variable) {
      return variable.getModifiers();
    }
    return null;
  }

  private static String simpleName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static List<String> strings(AnnotationTree annotation) {
    List<String> strings = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitLiteral(LiteralTree literal, Void unused) {
        if (literal.getValue() instanceof String value) {
          strings.add(value);
        }
        return null;
      }
    }.scan(annotation.getArguments(), null);
    return strings;
  }
}
