package io.oomguard.cases.realfixes.spark_inputstreamserializer.after;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

class DefaultSerializer extends Serializer {
  @Override
  public boolean canProcess(Object element) {
    return true;
  }

  @Override
  public void process(OutputStream outputStream, Object element) throws IOException {
    outputStream.write(element.toString().getBytes(StandardCharsets.UTF_8));
  }
}
