package io.oomguard.cases.realfixes.crate_httpresultset.before;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/** CrateDB's fork of the Elasticsearch x-content builder: a JSON generator over a stream. */
public final class XContentBuilder implements Closeable {
  private static final JsonFactory JSON_FACTORY = new JsonFactory();

  private final OutputStream bos;
  private final JsonGenerator generator;

  /** The builder uses an internal ByteArrayOutputStream to build the content. */
  public static XContentBuilder builder() throws IOException {
    // BUG: Diagnostic contains: UnsizedBufferInHotPath
    return new XContentBuilder(new ByteArrayOutputStream());
  }

  public XContentBuilder(OutputStream bos) throws IOException {
    this.bos = bos;
    this.generator = JSON_FACTORY.createGenerator(bos);
  }

  public XContentBuilder startObject() throws IOException {
    generator.writeStartObject();
    return this;
  }

  public XContentBuilder endObject() throws IOException {
    generator.writeEndObject();
    return this;
  }

  public XContentBuilder startArray(String name) throws IOException {
    generator.writeArrayFieldStart(name);
    return this;
  }

  public XContentBuilder startArray() throws IOException {
    generator.writeStartArray();
    return this;
  }

  public XContentBuilder endArray() throws IOException {
    generator.writeEndArray();
    return this;
  }

  public XContentBuilder field(String name, long value) throws IOException {
    generator.writeNumberField(name, value);
    return this;
  }

  public XContentBuilder value(Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof Number number) {
      generator.writeNumber(number.toString());
    } else {
      generator.writeString(value.toString());
    }
    return this;
  }

  public OutputStream getOutputStream() throws IOException {
    generator.flush();
    return bos;
  }

  @Override
  public void close() throws IOException {
    generator.close();
  }
}
