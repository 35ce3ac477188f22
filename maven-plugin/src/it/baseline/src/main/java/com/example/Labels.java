package com.example;

import io.oomguard.annotations.OomSafe;

/** Legacy code with the same blank reason twice in one method. */
public class Labels {
  public String label(boolean upper, String name) {
    if (upper) {
      @OomSafe("") String label = name;
      return label.toUpperCase();
    } else {
      @OomSafe("") String label = name;
      return label;
    }
  }
}
