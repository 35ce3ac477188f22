package com.example.orders;

import io.oomguard.annotations.OomSafe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The order service from the README: each method is one of the post-mortem shapes. */
@RestController
public class OrderController {
  /** Grows with every distinct customer and timestamp: an unbounded cache with a key that never repeats. */
  private static final Map<String, String> QUOTES = new ConcurrentHashMap<>();

  private final ExecutorService notifier = Executors.newCachedThreadPool();
  private final CatalogConfig config;

  public OrderController(CatalogConfig config) {
    this.config = config;
  }

  @GetMapping("/orders/{customer}/quote")
  public String quote(@PathVariable String customer) {
    String key = customer + ":" + System.currentTimeMillis();
    return QUOTES.computeIfAbsent(key, k -> config.price(customer));
  }

  @GetMapping("/orders/{sku}")
  public String find(@PathVariable String sku) {
    // Rebuilt from configuration on every request.
    Map<String, String> bySku = new HashMap<>();
    for (String line : config.catalogLines()) {
      bySku.put(line.substring(0, 8), line);
    }
    notifier.execute(() -> config.audit(sku));
    return bySku.get(sku);
  }

  @GetMapping("/orders/export")
  public byte[] export() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : config.catalogLines()) {
      out.write(line.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @OomSafe("")
  public byte[] mirror(URL upstream) throws IOException {
    try (InputStream body = upstream.openStream()) {
      return body.readAllBytes();
    }
  }

  /** Configuration held by the controller for its whole life. */
  public interface CatalogConfig {
    List<String> catalogLines();

    String price(String customer);

    void audit(String sku);
  }
}
