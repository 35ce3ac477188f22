package io.oomguard.cases.realfixes.bblfsh_cppdriveroutput.after;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** One request line on stdin: the source file to parse. */
@JsonIgnoreProperties(ignoreUnknown = true)
class DriverRequest {
  static class RequestLoadException extends IOException {
    RequestLoadException(Throwable e) {
      super(e);
    }
  }

  public String action;
  public String content;

  static DriverRequest load(String in) throws RequestLoadException {
    try {
      return new ObjectMapper().readValue(in, DriverRequest.class);
    } catch (IOException e) {
      throw new RequestLoadException(e);
    }
  }
}
