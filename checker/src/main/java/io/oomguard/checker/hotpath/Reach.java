package io.oomguard.checker.hotpath;

import com.google.common.collect.ImmutableList;
import org.jspecify.annotations.Nullable;

/**
 * How a hot method is reached: the names of the methods from the origin to it, the origin entry
 * point (null when the origin is a loop), and whether every call on the way is on one object.
 */
record Reach(
    ImmutableList<String> chain,
    EntryPointMatcher.@Nullable EntryPoint entryPoint,
    boolean sameInstance) {
  Reach(ImmutableList<String> chain, EntryPointMatcher.@Nullable EntryPoint entryPoint) {
    this(chain, entryPoint, true);
  }

  boolean viaLoop() {
    return entryPoint == null;
  }

  /** Whether the origin is a weak one ({@link EntryPointMatcher.EntryPoint#weak}). */
  boolean weak() {
    return entryPoint != null && entryPoint.weak();
  }

  Reach then(CallGraphScanner.Call call) {
    return new Reach(
        ImmutableList.<String>builder()
            .addAll(chain)
            .add(HotPaths.displayName(call.callee()))
            .build(),
        entryPoint,
        sameInstance && call.sameInstance());
  }
}
