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

  HotContext(Kind kind, String description, ImmutableList<String> chain) {
    this.kind = kind;
    this.description = description;
    this.chain = chain;
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

  @Override
  public String toString() {
    return description;
  }
}
