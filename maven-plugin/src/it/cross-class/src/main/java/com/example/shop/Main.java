package com.example.shop;

import java.util.List;

/** Start-up: what it reaches is not hot through it. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CatalogService catalog = new CatalogService(new CatalogRepository(), List.of(args));
    System.out.println(catalog.preload().size());
  }
}
