package shop;

import static shop.Formats.render;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class OrderController {
  private final CatalogService catalog;
  private final PriceService pricing;
  private final Repository<Order> orders;
  private final AuditLog audit = new AuditLog();
  private final Notifier notifier;

  public OrderController(CatalogService catalog, PriceService pricing, Repository<Order> orders, Notifier notifier) {
    this.catalog = catalog;
    this.pricing = pricing;
    this.orders = orders;
    this.notifier = notifier;
  }

  @GetMapping("/orders")
  public String list(List<String> skus) {
    String line = catalog.lookup("sku-1");
    long cents = pricing.price(3);
    skus.forEach(audit::record);
    Runnable later = () -> notifier.send();
    later.run();
    for (Order order : orders.findAll()) {
      line += order;
    }
    return render(line + cents);
  }
}
