package io.oomguard.cases.realfixes.springhateoas_uritemplatecache.before;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Renders an order with links whose hrefs carry the order id. */
@RestController
public class OrderController {

  /** The representation: the order id and its links. */
  public record OrderModel(long id, Link self, Link items) {}

  @GetMapping("/orders/{id}")
  public OrderModel order(@PathVariable long id) {
    return new OrderModel(
        id, new Link("/orders/" + id, "self"), new Link("/orders/" + id + "/items", "items"));
  }
}
