package com.example;

import io.oomguard.annotations.OomSafe;

/**
 * Legacy code, half fixed. The lines moved down, which must not matter: baseline identities have
 * no line numbers.
 */
public class Labels {
  public String label(boolean upper, String name) {
    if (upper) {
      @OomSafe("a copy of the caller's name") String label = name;
      return label.toUpperCase();
    } else {
      @OomSafe("") String label = name;
      return label;
    }
  }
}
