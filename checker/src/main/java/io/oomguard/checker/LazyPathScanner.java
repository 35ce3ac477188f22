package io.oomguard.checker;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TreePathScanner} for scans of whole classes and method bodies that ask for the path of
 * few of the nodes they visit: it keeps the nodes from the root down to the current one on a stack
 * and builds a {@link TreePath} only when {@link #getCurrentPath} is called, reusing the paths it
 * built before for the nodes still on the stack. (A {@code TreePathScanner} allocates a path for
 * every node, which also asks the node its kind: a virtual call the JIT cannot inline, since every
 * kind of tree passes there.)
 */
public abstract class LazyPathScanner<R, P> extends TreeScanner<R, P> {
  /** The nodes from the root of the scan to the current one. */
  private final ArrayList<Tree> stack = new ArrayList<>();

  /** The path of each node of {@link #stack}, where built since that node was pushed. */
  private @Nullable TreePath[] paths = new TreePath[16];

  /** Scans the tree at {@code root}; {@link #getCurrentPath} then extends {@code root}. */
  public R scan(TreePath root, P p) {
    int depth = stack.size();
    stack.add(root.getLeaf());
    pathSlot(depth);
    paths[depth] = root;
    try {
      return root.getLeaf().accept(this, p);
    } finally {
      pop(depth);
    }
  }

  @Override
  public R scan(Tree tree, P p) {
    if (tree == null) {
      return null;
    }
    int depth = stack.size();
    stack.add(tree);
    pathSlot(depth);
    try {
      return tree.accept(this, p);
    } finally {
      pop(depth);
    }
  }

  /**
   * The path of the node being visited, in a scan started at a path ({@link #scan(TreePath,
   * Object)}) or at a compilation unit, as {@code TreePathScanner}'s; null before the scan.
   */
  public @Nullable TreePath getCurrentPath() {
    int top = stack.size() - 1;
    if (top < 0) {
      return null;
    }
    int built = top;
    while (built >= 0 && paths[built] == null) {
      built--;
    }
    if (built < 0) {
      if (!(stack.get(0) instanceof CompilationUnitTree unit)) {
        throw new IllegalStateException("no path: the scan started at neither a path nor a file");
      }
      paths[0] = new TreePath(unit);
      built = 0;
    }
    for (int i = built + 1; i <= top; i++) {
      paths[i] = new TreePath(paths[i - 1], stack.get(i));
    }
    return paths[top];
  }

  /** The node being visited, without building its path; null before the scan. */
  protected @Nullable Tree currentLeaf() {
    int size = stack.size();
    return size == 0 ? null : stack.get(size - 1);
  }

  private void pathSlot(int depth) {
    if (depth == paths.length) {
      paths = Arrays.copyOf(paths, depth * 2);
    }
  }

  private void pop(int depth) {
    stack.remove(depth);
    paths[depth] = null;
  }
}
