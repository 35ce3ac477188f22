package hotpath.module;

/** Created per request by the handler: its constructor and field initializers run per request. */
class ResponseWriter {
  static int probe() {
    return 0;
  }

  // BUG: Diagnostic contains: hot in `ResponseWriter.ResponseWriter`, reached from request handler `OrderController.get` (GET /orders/{sku}) via `OrderController.get → ResponseWriter.ResponseWriter`
  private final int started = probe();

  private static final int SHARED = probe();

  ResponseWriter() {
    // BUG: Diagnostic contains: hot in `ResponseWriter.ResponseWriter`
    probe();
  }

  String write(long value) {
    return started + ":" + value + ":" + SHARED;
  }
}
