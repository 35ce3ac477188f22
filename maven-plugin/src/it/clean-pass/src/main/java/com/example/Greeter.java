package com.example;

import io.oomguard.annotations.OomSafe;

/** Nothing here grows: the check passes. */
public class Greeter {
  private final String greeting;

  @OomSafe("a single string, set once")
  public Greeter(String greeting) {
    this.greeting = greeting;
  }

  public String greet(String name) {
    return greeting + ", " + name;
  }
}
