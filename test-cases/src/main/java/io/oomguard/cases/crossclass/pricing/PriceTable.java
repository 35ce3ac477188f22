package io.oomguard.cases.crossclass.pricing;

import java.util.List;

/** Prices loaded once at start-up. */
public class PriceTable {
  /** One price. */
  public record Row(String sku, long cents) {}

  private final List<Row> rows;

  public PriceTable(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  public List<Row> rows() {
    return rows;
  }
}
