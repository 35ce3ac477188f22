package hotpath.module;

/** A hand-rolled singleton: created once, by its static field. */
final class Registry {
  private static final Registry INSTANCE = new Registry();

  static int probe() {
    return 0;
  }

  private Registry() {
    probe();
  }

  static Registry instance() {
    return INSTANCE;
  }

  void touch() {
    // BUG: Diagnostic contains: hot in `Registry.touch`, reached from request handler
    probe();
  }
}
