package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.oomguard.annotations.OomSafe;
import org.junit.jupiter.api.Test;

/** A test that needs the test class path (JUnit) to compile, with a finding of its own. */
class DoublerTest {
  @Test
  @OomSafe("")
  void twiceDoubles() {
    assertEquals(4, new Doubler().twice(2));
  }
}
