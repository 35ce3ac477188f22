package io.oomguard.cases.realfixes.bblfsh_cppdriveroutput.before;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Serializes a response; the driver then sends what it wrote. */
public interface IExchangeFormatWritter {
  void writeValue(DriverResponse response) throws IOException;

  ByteArrayOutputStream getByteOutputStream();
}
