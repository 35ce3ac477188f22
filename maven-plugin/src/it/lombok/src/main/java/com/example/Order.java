package com.example;

import io.oomguard.annotations.OomSafe;
import java.util.List;
import lombok.Builder;
import lombok.Value;

/** An order; Lombok writes its constructor, getters and builder. */
@Value
@Builder
public class Order {
  String id;
  List<String> skus;

  @OomSafe("")
  public int size() {
    return skus.size();
  }
}
