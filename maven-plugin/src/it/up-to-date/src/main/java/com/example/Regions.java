package com.example;

import io.oomguard.annotations.OomSafe;
import java.util.Map;

/** Region names, with an @OomSafe whose reason was never written. */
public class Regions {
  private final Map<String, String> names = Map.of("eu", "Europe", "us", "United States");

  @OomSafe("")
  public String name(String code) {
    return names.get(code);
  }
}
