package com.example.web;

import io.oomguard.annotations.OomSafe;

/** Sends mail; called by {@link ReceiptHandler} for every request. */
final class Mailer {
  void sendReceipt(String order) {
    new Thread(() -> deliver(order)).start();
  }

  @OomSafe("")
  private void deliver(String order) {
    System.out.println("receipt for " + order);
  }
}
