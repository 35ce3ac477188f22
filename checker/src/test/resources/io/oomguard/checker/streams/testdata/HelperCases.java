package testdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.function.Consumer;

/** Each call of a helper here is reported with what StreamHelpers says the helper does. */
abstract class HelperCases {
  static byte[] toByteArray(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    copy(in, out);
    return out.toByteArray();
  }

  static long copy(InputStream in, OutputStream out) throws IOException {
    byte[] chunk = new byte[4096];
    long total = 0;
    int n;
    while ((n = in.read(chunk)) != -1) {
      out.write(chunk, 0, n);
      total += n;
    }
    return total;
  }

  static String readAll(Reader reader) throws IOException {
    StringWriter text = new StringWriter();
    copy(reader, text);
    return text.toString();
  }

  static void copy(Reader in, Writer out) throws IOException {
    in.transferTo(out);
  }

  /** Copies at most a limit: not a whole copy. */
  static void copyCapped(InputStream in, OutputStream out, long max) throws IOException {
    byte[] chunk = new byte[4096];
    long total = 0;
    int n;
    while ((n = in.read(chunk)) != -1 && total < max) {
      out.write(chunk, 0, n);
      total += n;
    }
  }

  /** Reads its input whole but returns a count: the read is its own, not its callers'. */
  static long store(InputStream in) throws IOException {
    return in.readAllBytes().length;
  }

  static JsonGenerator json(OutputStream out) throws IOException {
    return new JsonFactory().createGenerator(out);
  }

  static void eachLine(InputStream in, Consumer<String> callback) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in));
    String line;
    while ((line = reader.readLine()) != null) {
      callback.accept(line);
    }
  }

  void calls(InputStream in, OutputStream out, Reader reader, Writer writer) throws IOException {
    // BUG: Diagnostic contains: readsWhole=[0], copies={}, serializes={}, lineConsumers=[]
    toByteArray(in);
    // BUG: Diagnostic contains: readsWhole=[], copies={0=1}, serializes={}, lineConsumers=[]
    copy(in, out);
    // BUG: Diagnostic contains: readsWhole=[0], copies={}, serializes={}, lineConsumers=[]
    readAll(reader);
    // BUG: Diagnostic contains: readsWhole=[], copies={0=1}, serializes={}, lineConsumers=[]
    copy(reader, writer);
    // BUG: Diagnostic contains: readsWhole=[], copies={}, serializes={}, lineConsumers=[]
    copyCapped(in, out, 1024);
    // BUG: Diagnostic contains: readsWhole=[], copies={}, serializes={}, lineConsumers=[]
    store(in);
    // BUG: Diagnostic contains: serializes={0=Serialization[sink=out, serializer=JsonFactory.createGenerator, streaming=true]}
    json(out);
    // BUG: Diagnostic contains: readsWhole=[], copies={}, serializes={}, lineConsumers=[1]
    eachLine(in, line -> {});
  }
}
