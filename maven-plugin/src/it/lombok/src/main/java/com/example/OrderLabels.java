package com.example;

import java.util.List;

/** Calls code only Lombok generates: it compiles only if the analysis runs the processor. */
public final class OrderLabels {
  private OrderLabels() {}

  public static String label(String id, List<String> skus) {
    Order order = Order.builder().id(id).skus(skus).build();
    return order.getId() + " (" + order.getSkus().size() + " items)";
  }
}
