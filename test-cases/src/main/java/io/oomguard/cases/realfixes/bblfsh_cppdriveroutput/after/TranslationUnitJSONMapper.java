package io.oomguard.cases.realfixes.bblfsh_cppdriveroutput.after;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/** Writes the response, AST included, as JSON into the stream it was given. */
class TranslationUnitJSONMapper implements IExchangeFormatWritter {
  final JsonGenerator generator;
  final JsonFactory jsonFactory = new JsonFactory();
  final ObjectMapper mapper = new ObjectMapper();
  private final PrintStream printStream;

  TranslationUnitJSONMapper(boolean prettyPrint, PrintStream byteOutput) throws IOException {
    this.printStream = byteOutput;
    generator = jsonFactory.createGenerator(printStream);
    mapper.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  }

  @Override
  public void writeValue(DriverResponse response) throws IOException {
    mapper.writeValue(generator, response);
  }

  @Override
  public OutputStream getOutputStream() {
    return printStream;
  }
}
