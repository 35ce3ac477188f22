package io.oomguard.cases.realfixes.spark_inputstreamserializer.after;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

class BytesSerializer extends Serializer {
  @Override
  public boolean canProcess(Object element) {
    return element instanceof byte[] || element instanceof ByteBuffer;
  }

  @Override
  public void process(OutputStream outputStream, Object element) throws IOException {
    byte[] bytes = element instanceof byte[] ? (byte[]) element : ((ByteBuffer) element).array();
    outputStream.write(bytes);
  }
}
