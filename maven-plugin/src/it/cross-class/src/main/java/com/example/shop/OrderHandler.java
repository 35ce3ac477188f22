package com.example.shop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** The entry point: a JDK HTTP handler, thin as in real services. */
public class OrderHandler implements HttpHandler {
  private final CatalogService catalog;

  public OrderHandler(CatalogService catalog) {
    this.catalog = catalog;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String body = catalog.lookup(exchange.getRequestURI().getPath());
    exchange.sendResponseHeaders(200, body.length());
  }
}
