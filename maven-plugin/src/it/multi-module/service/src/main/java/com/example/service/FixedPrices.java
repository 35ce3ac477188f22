package com.example.service;

import com.example.api.Prices;
import io.oomguard.annotations.OomSafe;

/** Compiles against the sibling module; has a finding of its own. */
public class FixedPrices implements Prices {
  @Override
  @OomSafe("")
  public long priceOf(String sku) {
    return sku.length();
  }
}
