package com.example;

import io.oomguard.annotations.OomSafe;

/** New code, written after the baseline: its finding is not adopted. */
public class Fresh {
  @OomSafe("")
  public int twice(int value) {
    return 2 * value;
  }
}
