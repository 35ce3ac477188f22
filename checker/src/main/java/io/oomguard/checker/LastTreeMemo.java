package io.oomguard.checker;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The value worked out for the last tree asked about (a top-level class, a method body), per
 * compilation: Error Prone visits a class's trees in order, so the trees of one class ask about the
 * same class one after the other, and keeping the last answer is enough to work it out once per
 * class instead of once per tree. Trees are compared by identity.
 *
 * <p>{@code compute} is best given as a method reference that captures nothing ({@code
 * FieldGrowth::scanOrNothing}), so that asking again allocates nothing.
 */
public final class LastTreeMemo<V> {
  private final PerCompilation<Slot<V>> slots = new PerCompilation<>(Slot::new);

  /**
   * The value for the tree at {@code path}: the kept one when that tree was the last one asked
   * about in {@code state}'s compilation, otherwise {@code compute}'s, which is then kept. When
   * {@code compute} throws, the value kept before stays.
   */
  public V get(TreePath path, VisitorState state, BiFunction<TreePath, VisitorState, V> compute) {
    Slot<V> slot = slots.get(state);
    Tree tree = path.getLeaf();
    if (slot.tree != tree) {
      V value = compute.apply(path, state);
      slot.tree = tree;
      slot.value = value;
    }
    return slot.value;
  }

  private static final class Slot<V> {
    @Nullable Tree tree;
    @Nullable V value;
  }
}
