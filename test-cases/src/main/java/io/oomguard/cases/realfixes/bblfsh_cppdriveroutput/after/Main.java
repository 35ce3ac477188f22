/*
 * bblfsh (Babelfish) C++ driver, native part: reads parse requests line by line on stdin and
 * answers each with the JSON of the file's AST on stdout.
 * Bug fix: https://github.com/bblfsh/cpp-driver/issues/22 ("Stream output instead of buffering
 * to memory"), commit 80eb9ff ("Dont hold all the output in a in-memory array"), PRs #23/#24.
 *
 * What grew: for every request the whole AST of the file was serialized by Jackson into a fresh
 * unsized ByteArrayOutputStream before being copied to stdout; large files got the driver
 * OOM-killed.
 *
 * Fix: the JSON generator writes straight to System.out (output starts before the whole
 * response is serialized); no ByteArrayOutputStream any more.
 */
package io.oomguard.cases.realfixes.bblfsh_cppdriveroutput.after;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

public class Main {
  enum ProcessCycle {
    CONTINUE,
    STOP
  }

  public static void main(String[] args) {
    while (true) {
      if (process() == ProcessCycle.STOP) {
        return; // stdin closed or unwritable
      }
    }
  }

  private static ProcessCycle trySendError(String msg, Exception e) {
    try {
      final TranslationUnitJSONMapper responseJSONMapper =
          new TranslationUnitJSONMapper(false, System.out);
      DriverResponse response = new DriverResponse(responseJSONMapper);
      response.sendError(e, msg);
      return ProcessCycle.CONTINUE;
    } catch (Exception j) {
      System.err.println("BAILING OUT, CANT WRITE ERRORS: " + j.getMessage());
      return ProcessCycle.STOP;
    }
  }

  private static ProcessCycle process() {
    try {
      final CppParser parser = new CppParser();
      final TranslationUnitJSONMapper responseJSONMapper =
          new TranslationUnitJSONMapper(false, System.out);
      DriverResponse response = new DriverResponse(responseJSONMapper);

      BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
      final String inStr = in.readLine();
      if (inStr == null) {
        return ProcessCycle.STOP; // stdin closed
      }
      String requestContent = DriverRequest.load(inStr).content;
      response.parseCode(parser, requestContent);
      response.send();
      return ProcessCycle.CONTINUE;
    } catch (DriverRequest.RequestLoadException e) {
      return trySendError("Error reading the petition: ", e);
    } catch (DriverResponse.ResponseSendException e) {
      return trySendError("Error serializing the AST to JSON: ", e);
    } catch (IOException e) {
      return trySendError("A problem occurred while processing the petition: ", e);
    }
  }
}
