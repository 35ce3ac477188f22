package com.example.shop;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Two calls away from the handler: reads a whole file into an unsized buffer on every call. */
public class CatalogRepository {
  private final Path notes;

  public CatalogRepository(Path notes) {
    this.notes = notes;
  }

  public String describe(String line) throws IOException {
    StringBuilder text = new StringBuilder();
    try (BufferedReader reader = Files.newBufferedReader(notes)) {
      for (String note = reader.readLine(); note != null; note = reader.readLine()) {
        text.append(note).append('\n');
      }
    }
    return line + text;
  }
}
