package com.example.api;

import io.oomguard.annotations.OomSafe;

/** The api module's finding. */
public interface Prices {
  @OomSafe("")
  long priceOf(String sku);
}
