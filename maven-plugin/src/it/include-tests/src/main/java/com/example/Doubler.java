package com.example;

/** Clean main code. */
public class Doubler {
  public int twice(int value) {
    return 2 * value;
  }
}
