package io.oomguard.cases.realfixes.bblfsh_cppdriveroutput.after;

import java.io.IOException;
import java.io.OutputStream;

/** Serializes a response; the driver then sends what it wrote. */
public interface IExchangeFormatWritter {
  void writeValue(DriverResponse response) throws IOException;

  OutputStream getOutputStream();
}
