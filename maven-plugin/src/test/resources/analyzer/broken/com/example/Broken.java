package com.example;

/** Does not compile: the analysis must say so rather than report nothing. */
public class Broken {
  int size() {
    return undefinedField;
  }
}
