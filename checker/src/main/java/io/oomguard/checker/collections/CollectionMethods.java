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

  /**
   * Calls that remove elements or entries ({@code computeIfPresent} can only replace or remove).
   */
  public static final ImmutableSet<String> REMOVING =
      ImmutableSet.of(
          "remove",
          "removeAll",
          "removeIf",
          "retainAll",
          "clear",
          "computeIfPresent",
          "poll",
          "pollFirst",
          "pollLast",
          "pollFirstEntry",
          "pollLastEntry",
          "take",
          "drainTo",
          "pop",
          "removeFirst",
          "removeLast",
          "removeFirstOccurrence",
          "removeLastOccurrence");

  /**
   * Calls that change a collection's content other than by adding: removing, clearing, replacing or
   * reordering elements, and loading {@code Properties}.
   */
  public static final ImmutableSet<String> CHANGING =
      ImmutableSet.<String>builder()
          .addAll(REMOVING)
          .add("replace", "replaceAll", "set", "sort", "setProperty", "load", "loadFromXML")
          .build();

  /** Calls returning a live view of a map or collection: changing the view changes it. */
  public static final ImmutableSet<String> VIEWS =
      ImmutableSet.of(
          "keySet",
          "values",
          "entrySet",
          "navigableKeySet",
          "descendingKeySet",
          "descendingMap",
          "headMap",
          "tailMap",
          "subMap",
          "headSet",
          "tailSet",
          "subSet",
          "subList",
          "iterator",
          "listIterator",
          "descendingIterator",
          "sequencedKeySet",
          "sequencedValues",
          "sequencedEntrySet",
          "reversed");

  private CollectionMethods() {}
}
