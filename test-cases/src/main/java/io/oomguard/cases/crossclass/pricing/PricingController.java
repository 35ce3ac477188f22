package io.oomguard.cases.crossclass.pricing;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A handler whose work is in other classes: a service behind an interface, a writer per call. */
@RestController
public class PricingController {
  private final QuoteService quotes;
  private final RecentQuotes recent;

  public PricingController(QuoteService quotes, RecentQuotes recent) {
    this.quotes = quotes;
    this.recent = recent;
  }

  @GetMapping("/quotes/{sku}")
  public String quote(@PathVariable String sku) {
    long cents = quotes.quote(sku);
    recent.remember(sku, cents);
    return new QuoteWriter().write(sku, cents);
  }

  @GetMapping("/quotes/recent")
  public List<String> recentSkus() {
    return recent.skus();
  }
}
