package hotpath.module;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A handler whose work is in other classes: a service behind an interface, an object per call. */
@RestController
class OrderController {
  private final Pricing pricing;
  private Cache cache;

  OrderController(Pricing pricing) {
    this.pricing = pricing;
  }

  @GetMapping("/orders/{sku}")
  String get(@PathVariable String sku) {
    ResponseWriter writer = new ResponseWriter();
    if (cache == null) {
      cache = new Cache();
    }
    Registry.instance().touch();
    return writer.write(pricing.quote(sku));
  }
}
