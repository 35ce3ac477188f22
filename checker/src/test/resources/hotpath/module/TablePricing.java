package hotpath.module;

/** The module's implementation of {@link Pricing}. */
class TablePricing implements Pricing {
  static int probe() {
    return 0;
  }

  TablePricing() {
    probe();
  }

  @Override
  public long quote(String sku) {
    // BUG: Diagnostic contains: hot in `TablePricing.quote`, reached from request handler `OrderController.get` (GET /orders/{sku}) via `OrderController.get → TablePricing.quote`
    probe();
    return sku.length();
  }
}
