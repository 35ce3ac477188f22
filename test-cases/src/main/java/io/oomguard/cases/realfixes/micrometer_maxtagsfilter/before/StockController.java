package io.oomguard.cases.realfixes.micrometer_maxtagsfilter.before;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

/** Calls the inventory service with the id concatenated into the path. */
@RestController
public class StockController {
  private final RestTemplate restTemplate;

  public StockController(RestTemplate restTemplate) {
    this.restTemplate = restTemplate;
  }

  /** A stock level as the inventory service returns it. */
  public static class Stock {
    public String sku;
    public int quantity;
  }

  @GetMapping("/stock/{sku}")
  public Stock stock(@PathVariable String sku) {
    return restTemplate.getForObject("http://inventory/items/" + sku + "/stock", Stock.class);
  }
}
