package io.oomguard.cases.realfixes.bblfsh_cppdriveroutput.before;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Writes the response, AST included, as JSON into the stream it was given. */
class TranslationUnitJSONMapper implements IExchangeFormatWritter {
  final JsonGenerator generator;
  final JsonFactory jsonFactory = new JsonFactory();
  final ObjectMapper mapper = new ObjectMapper();
  private final ByteArrayOutputStream byteOutputStream;

  TranslationUnitJSONMapper(boolean prettyPrint, ByteArrayOutputStream byteOutput)
      throws IOException {
    this.byteOutputStream = byteOutput;
    generator = jsonFactory.createGenerator(byteOutputStream);
    mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }

  @Override
  public void writeValue(DriverResponse response) throws IOException {
    mapper.writeValue(generator, response);
  }

  @Override
  public ByteArrayOutputStream getByteOutputStream() {
    return byteOutputStream;
  }
}
