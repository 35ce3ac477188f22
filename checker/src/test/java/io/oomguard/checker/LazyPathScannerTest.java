package io.oomguard.checker;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.api.JavacTool;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@link LazyPathScanner}: the path it builds on demand is, at every node, the one {@link
 * TreePathScanner} keeps.
 */
final class LazyPathScannerTest {
  private static final String SOURCE =
      """
      import java.util.*;
      class A {
        int f = 1;
        List<String> names(Map<String, Integer> map) {
          List<String> out = new ArrayList<>();
          for (String key : map.keySet()) {
            if (key.isEmpty()) { continue; }
            out.add(key);
          }
          map.forEach((k, v) -> out.add(k + v));
          Runnable r = new Runnable() { public void run() { out.clear(); } };
          return out;
        }
        static class B { void m() { int[] xs = {1, 2}; while (xs.length > 0) { break; } } }
      }
      """;

  /** Every node's path, written as the kinds from the file down, in visiting order. */
  private static final class Recording extends LazyPathScanner<Void, Void> {
    final List<String> paths = new ArrayList<>();
    final boolean askEveryNode;

    Recording(boolean askEveryNode) {
      this.askEveryNode = askEveryNode;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      if (tree != null && (askEveryNode || tree.getKind() == Tree.Kind.IDENTIFIER)) {
        // Ask for the parent's path first, then the child's: the parent's is reused.
        paths.add(describe(getCurrentPath()) + " > " + tree.getKind());
      }
      return super.scan(tree, unused);
    }
  }

  private static final class Reference extends TreePathScanner<Void, Void> {
    final List<String> paths = new ArrayList<>();
    final boolean everyNode;

    Reference(boolean everyNode) {
      this.everyNode = everyNode;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      if (tree != null && (everyNode || tree.getKind() == Tree.Kind.IDENTIFIER)) {
        paths.add(describe(getCurrentPath()) + " > " + tree.getKind());
      }
      return super.scan(tree, unused);
    }
  }

  private static String describe(TreePath path) {
    List<String> kinds = new ArrayList<>();
    for (TreePath current = path; current != null; current = current.getParentPath()) {
      kinds.add(0, current.getLeaf().getKind() + "@" + System.identityHashCode(current.getLeaf()));
    }
    return String.join("/", kinds);
  }

  @Test
  void fromAClassPath_everyNodesPathIsTreePathScanners() throws IOException {
    CompilationUnitTree unit = parse(SOURCE);
    TreePath classPath = new TreePath(new TreePath(unit), unit.getTypeDecls().get(0));
    assertThat(unit.getTypeDecls().get(0)).isInstanceOf(ClassTree.class);

    for (boolean everyNode : new boolean[] {true, false}) {
      Recording lazy = new Recording(everyNode);
      lazy.scan(classPath, null);
      Reference reference = new Reference(everyNode);
      reference.scan(classPath, null);

      assertThat(lazy.paths).isNotEmpty();
      assertThat(lazy.paths).containsExactlyElementsIn(reference.paths).inOrder();
    }
  }

  @Test
  void fromAFile_everyNodesPathIsTreePathScanners() throws IOException {
    CompilationUnitTree unit = parse(SOURCE);

    Recording lazy = new Recording(false);
    lazy.scan(unit, null);
    Reference reference = new Reference(false);
    reference.scan(unit, null);

    assertThat(lazy.paths).hasSize(reference.paths.size());
    assertThat(lazy.paths).containsExactlyElementsIn(reference.paths).inOrder();
  }

  @Test
  void fromATreeWithoutAPath_askingForThePathFails() throws IOException {
    CompilationUnitTree unit = parse(SOURCE);

    assertThrows(
        IllegalStateException.class,
        () -> new Recording(true).scan(unit.getTypeDecls().get(0), null));
  }

  private static CompilationUnitTree parse(String source) throws IOException {
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///A.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    JavacTask task =
        JavacTool.create().getTask(null, null, null, List.of("-proc:none"), null, List.of(file));
    return task.parse().iterator().next();
  }
}
