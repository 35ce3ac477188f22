package io.oomguard.checker;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.util.Context;
import java.lang.ref.WeakReference;
import java.util.function.Supplier;

/**
 * A value kept for the length of one compilation (a memo of answers about its names or symbols),
 * stored in the compilation's context, so that it goes with it and never mixes objects of two
 * compilations.
 *
 * <p>Asked for on every call or {@code new} of a compilation, by several checks, so finding it is
 * kept short: the last compilation's value is held in a field and compared by context (so that
 * compilations running side by side in one JVM each still find their own), weakly (so that a
 * finished compilation is not kept alive by it); the context is searched only when the compilation
 * changes.
 */
public final class PerCompilation<T> {
  private final Context.Key<Slot<T>> key = new Context.Key<>();
  private final Supplier<T> initialValue;
  private volatile WeakReference<Slot<T>> last = new WeakReference<>(null);

  /** A value per compilation, {@code initialValue}'s the first time a compilation asks. */
  public PerCompilation(Supplier<T> initialValue) {
    this.initialValue = initialValue;
  }

  /** The value of the compilation {@code state} belongs to. */
  public T get(VisitorState state) {
    Slot<T> slot = last.get();
    if (slot == null || slot.context != state.context) {
      slot = slotOf(state.context);
    }
    return slot.value;
  }

  private Slot<T> slotOf(Context context) {
    Slot<T> slot = context.get(key);
    if (slot == null) {
      slot = new Slot<>(context, initialValue.get());
      context.put(key, slot);
    }
    last = new WeakReference<>(slot);
    return slot;
  }

  private record Slot<T>(Context context, T value) {}
}
