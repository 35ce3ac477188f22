package com.example.shop;

import java.util.List;

/** Two calls away from the handler. */
public class CatalogRepository {
  public String describe(String line, List<String> related) {
    StringBuilder text = new StringBuilder();
    for (String other : related) {
      text.append(other).append('\n');
    }
    return line + text;
  }
}
