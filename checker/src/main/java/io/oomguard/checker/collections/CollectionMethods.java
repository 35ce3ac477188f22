package io.oomguard.checker.collections;

import com.google.common.collect.ImmutableSet;

/** Names of the JDK collection methods the checks reason about, in one place. */
public final class CollectionMethods {
  /** Calls that add an entry or element to a {@code Map}, {@code Collection} or {@code Deque}. */
  public static final ImmutableSet<String> GROWING =
      ImmutableSet.of(
          "put",
          "putIfAbsent",
          "computeIfAbsent",
          "compute",
          "merge",
          "putAll",
          "add",
          "addAll",
          "offer",
          "addFirst",
          "addLast",
          "offerFirst",
          "offerLast",
          "push",
          "putFirst",
          "putLast");

  private CollectionMethods() {}
}
