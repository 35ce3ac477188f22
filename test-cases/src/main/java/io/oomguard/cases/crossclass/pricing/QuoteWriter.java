package io.oomguard.cases.crossclass.pricing;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/** Made per request by the controller: its field initializer runs per request. */
public class QuoteWriter {
  private final Set<String> currencies =
      // BUG: Diagnostic contains: copied from `Arrays.asList(...)` in `QuoteWriter.QuoteWriter`,
      // reached from request handler `PricingController.quote`
      new HashSet<>(
          Arrays.asList(
              "EUR", "USD", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN",
              "CZK", "HUF", "RON", "BGN", "TRY", "ZAR", "BRL", "MXN"));

  public String write(String sku, long cents) {
    return sku + ": " + cents + (currencies.contains("EUR") ? " EUR" : "");
  }
}
