package io.oomguard.cases.realfixes.spark_inputstreamserializer.after;

import java.io.IOException;
import java.io.OutputStream;

/** bytes, then InputStream, then anything else (toString). */
public class SerializerChain {
  private final Serializer root;

  public SerializerChain() {
    DefaultSerializer defaultSerializer = new DefaultSerializer();
    InputStreamSerializer inputStreamSerializer = new InputStreamSerializer();
    inputStreamSerializer.setNext(defaultSerializer);
    BytesSerializer bytesSerializer = new BytesSerializer();
    bytesSerializer.setNext(inputStreamSerializer);
    this.root = bytesSerializer;
  }

  public void process(OutputStream outputStream, Object element) throws IOException {
    this.root.processElement(outputStream, element);
  }
}
