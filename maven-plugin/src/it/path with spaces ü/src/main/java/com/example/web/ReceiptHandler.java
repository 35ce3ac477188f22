package com.example.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** Answers every request at once and leaves the mailing to {@link Mailer}. */
public final class ReceiptHandler implements HttpHandler {
  private final Mailer mailer = new Mailer();

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    mailer.sendReceipt(exchange.getRequestURI().getQuery());
    exchange.sendResponseHeaders(202, -1);
    exchange.close();
  }
}
