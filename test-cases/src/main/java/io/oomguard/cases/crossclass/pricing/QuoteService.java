package io.oomguard.cases.crossclass.pricing;

/** Prices one item; the controller holds one implementation for the application's life. */
public interface QuoteService {
  long quote(String sku);
}
