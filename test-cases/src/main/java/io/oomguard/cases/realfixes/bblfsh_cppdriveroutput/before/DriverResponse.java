package io.oomguard.cases.realfixes.bblfsh_cppdriveroutput.before;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;

/** The response to one request: status, errors and the AST. */
public class DriverResponse {
  static class ResponseSendException extends IOException {
    ResponseSendException(Throwable e) {
      super(e);
    }
  }

  public String driver = "1.0.0";
  public String language = "C++";
  public String status = "ok";
  public ArrayList<String> errors = new ArrayList<>(0);

  @JsonProperty("ast")
  private AstNode translationUnit;

  @JsonIgnore private final IExchangeFormatWritter formatWritter;

  DriverResponse(IExchangeFormatWritter mapper) {
    this.formatWritter = mapper;
  }

  void parseCode(CppParser parser, String source) {
    translationUnit = parser.parseCPP(source);
  }

  void send() throws ResponseSendException {
    try {
      formatWritter.writeValue(this);
      ByteArrayOutputStream byteOut = formatWritter.getByteOutputStream();
      System.out.write(byteOut.toByteArray());
      System.out.write('\n');
    } catch (IOException e) {
      throw new ResponseSendException(e);
    }
  }

  void sendError(Exception e, String errorString) throws IOException {
    translationUnit = null;
    errors.add(e.getClass().getCanonicalName());
    errors.add(errorString + e.getMessage());
    status = "fatal";
    send();
  }
}
