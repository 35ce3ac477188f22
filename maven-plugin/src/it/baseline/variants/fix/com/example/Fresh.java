package com.example;

import io.oomguard.annotations.OomSafe;

/** New code, fixed: the reason is given. */
public class Fresh {
  @OomSafe("returns an int; nothing is retained")
  public int twice(int value) {
    return 2 * value;
  }
}
