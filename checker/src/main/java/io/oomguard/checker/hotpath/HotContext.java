package io.oomguard.checker.hotpath;

import com.google.common.collect.ImmutableList;

/**
 * Why a piece of code runs per request or per item, in words a finding can quote.
 *
 * <p>{@link #describe()} gives the phrase checks put in their messages, e.g. "in request handler
 * `OrderController.list` (GET /orders)", "inside a loop in `Exporter.export`" or "in
 * `OrderController.render`, reached from request handler `OrderController.list` via
 * `OrderController.list → OrderController.render`".
 */
public final class HotContext {
  /** What makes the code hot. */
  public enum Kind {
    /** The code is in an entry point's own body. */
    ENTRY_POINT,
    /** The code is in a loop body or in a lambda run per element. */
    LOOP,
    /** The code is in a method reached from an entry point or a loop through direct calls. */
    CALLED
  }

  private final Kind kind;
  private final String description;
  private final ImmutableList<String> chain;
  private final boolean sameInstance;
  private final boolean fromEntryPoint;

  HotContext(
      Kind kind,
      String description,
      ImmutableList<String> chain,
      boolean sameInstance,
      boolean fromEntryPoint) {
    this.kind = kind;
    this.description = description;
    this.chain = chain;
    this.sameInstance = sameInstance;
    this.fromEntryPoint = fromEntryPoint;
  }

  /** What makes the code hot. */
  public Kind kind() {
    return kind;
  }

  /** The phrase for a finding's message, starting with "in" or "inside". */
  public String describe() {
    return description;
  }

  /**
   * The methods from the origin (entry point, or the method holding the loop) to the hot method, as
   * {@code Class.method}; a single element when the code is in the origin itself.
   */
  public ImmutableList<String> chain() {
    return chain;
  }

  /**
   * Whether every call from the origin to this code is on the origin's own object (unqualified,
   * {@code this.}, static). False when a loop reaches the code through a call on another object, as
   * in {@code for (Branch b : branches) b.paths()}: the fields read there then belong to a
   * different object on every iteration, so they are not the same data repeated.
   */
  public boolean onSameInstance() {
    return sameInstance;
  }

  /**
   * Whether the origin is a request-handling entry point (the code runs per request), rather than a
   * loop (the code runs per item of one call).
   */
  public boolean fromEntryPoint() {
    return fromEntryPoint;
  }

  @Override
  public String toString() {
    return description;
  }
}
