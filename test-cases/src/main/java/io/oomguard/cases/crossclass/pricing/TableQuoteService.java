package io.oomguard.cases.crossclass.pricing;

import static java.util.stream.Collectors.toMap;

import java.util.Map;

/** The module's implementation: it re-indexes the price table on every quote. */
public class TableQuoteService implements QuoteService {
  private final PriceTable table;

  public TableQuoteService(PriceTable table) {
    this.table = table;
  }

  @Override
  public long quote(String sku) {
    Map<String, Long> bySku =
        // BUG: Diagnostic contains: collected from `table.rows()` in `TableQuoteService.quote`,
        // reached from request handler `PricingController.quote` (GET /quotes/{sku}) via
        // `PricingController.quote → TableQuoteService.quote`
        table.rows().stream().collect(toMap(PriceTable.Row::sku, PriceTable.Row::cents));
    return bySku.getOrDefault(sku, 0L);
  }
}
