package io.oomguard.cases.realfixes.spark_inputstreamserializer.after;

import java.io.IOException;
import java.io.OutputStream;

/** A link of the chain that writes a route's result to the response. */
public abstract class Serializer {
  private Serializer next;

  public void setNext(Serializer serializer) {
    this.next = serializer;
  }

  public void processElement(OutputStream outputStream, Object element) throws IOException {
    if (canProcess(element)) {
      process(outputStream, element);
    } else if (next != null) {
      this.next.processElement(outputStream, element);
    }
  }

  public abstract boolean canProcess(Object element);

  public abstract void process(OutputStream outputStream, Object element) throws IOException;
}
