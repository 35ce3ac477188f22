package com.example.shop;

import java.util.List;

/** Start-up: what it reaches is not hot through it. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    CatalogRepository repository = new CatalogRepository(java.nio.file.Path.of(args[0]));
    CatalogService catalog = new CatalogService(repository, List.of(args));
    System.out.println(catalog.preload().size());
  }
}
