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

  /** A hot method copying a reader into an unsized buffer: UnsizedBufferInHotPath's shape. */
  @HotPath
  @OomSafe("templates are bundled with the service, at most 4 KB each")
  public String render(java.io.Reader template) throws java.io.IOException {
    java.io.StringWriter out = new java.io.StringWriter();
    template.transferTo(out);
    return out.toString();
  }
}
