package com.example;

import io.oomguard.annotations.HotPath;
import io.oomguard.annotations.OomSafe;
import java.util.List;

/** Suppressed findings: they must not fail the build, and SARIF must say why they are quiet. */
public class Reports {
  @SuppressWarnings("OomSafeWithoutReason")
  @OomSafe("")
  public String legacy(String code) {
    return code.trim();
  }

  /** A hot method filling an unsized buffer in a loop: UnsizedBufferInHotPath's shape. */
  @HotPath
  @OomSafe("at most 12 region names of under 40 characters")
  public String render(List<String> names) {
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      out.append(name).append('\n');
    }
    return out.toString();
  }
}
