package com.example;

/** Does not compile: refers to a field that does not exist. */
public class Totals {
  public long total() {
    return runningTotal;
  }
}
