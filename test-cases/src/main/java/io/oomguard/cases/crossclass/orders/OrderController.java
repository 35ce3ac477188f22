package io.oomguard.cases.crossclass.orders;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A thin handler: the damage is one call away, in the service. */
@RestController
public class OrderController {
  private final CatalogService catalog;
  private final ReportService reports;

  public OrderController(CatalogService catalog, ReportService reports) {
    this.catalog = catalog;
    this.reports = reports;
  }

  @GetMapping("/orders/{sku}")
  public String list(@PathVariable String sku) {
    return catalog.lookup(sku);
  }

  @GetMapping("/orders/export")
  public String export() {
    return reports.render();
  }
}
