package testdata;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;
import java.util.function.Consumer;

/** Each read call is reported with the buffer InMemoryBuffers says its loop fills, if any. */
class CopyLoopCases {
  String lines(BufferedReader reader) throws IOException {
    StringBuilder text = new StringBuilder();
    String line;
    // BUG: Diagnostic contains: `StringBuilder`
    while ((line = reader.readLine()) != null) {
      text.append(line).append('\n');
    }
    return text.toString();
  }

  byte[] chunks(InputStream in) throws IOException {
    OutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    // BUG: Diagnostic contains: `ByteArrayOutputStream`
    while ((n = in.read(buf)) != -1) {
      out.write(buf, 0, n);
    }
    return ((ByteArrayOutputStream) out).toByteArray();
  }

  String throughAWriter(Reader reader) throws IOException {
    StringWriter text = new StringWriter();
    Writer writer = text;
    char[] buf = new char[1024];
    // BUG: Diagnostic contains: `StringWriter`
    for (int n = reader.read(buf); n > 0; n = reader.read(buf)) {
      writer.write(buf, 0, n);
    }
    return text.toString();
  }

  String intoAWrappedBuffer(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
    int c;
    // BUG: Diagnostic contains: `ByteArrayOutputStream`
    while ((c = in.read()) >= 0) {
      writer.write(c);
    }
    writer.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  String concatenated(Scanner scanner) {
    String all = "";
    while (scanner.hasNextLine()) {
      // BUG: Diagnostic contains: a `String`
      all += scanner.nextLine();
    }
    return all;
  }

  String perCharacter(InputStream in) throws IOException {
    StringBuilder text = new StringBuilder();
    byte[] buf = new byte[512];
    int n;
    // BUG: Diagnostic contains: `StringBuilder`
    while ((n = in.read(buf)) > 0) {
      for (int i = 0; i < n; i++) {
        text.append((char) buf[i]);
      }
    }
    return text.toString();
  }

  List<String> everyLine(BufferedReader reader) throws IOException {
    List<String> lines = new ArrayList<>();
    String line;
    // BUG: Diagnostic contains: `List` of lines
    while ((line = reader.readLine()) != null) {
      lines.add(line);
    }
    return lines;
  }

  // ---- Loops that do not gather the whole input. ----

  List<String> firstLines(BufferedReader reader) throws IOException {
    List<String> lines = new ArrayList<>();
    String line;
    while (lines.size() < 50 && (line = reader.readLine()) != null) {
      lines.add(line);
    }
    return lines;
  }

  List<Integer> parsedValues(BufferedReader reader) throws IOException {
    List<Integer> values = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      values.add(line.length());
    }
    return values;
  }

  byte[] countsWhatItBuffers(InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buf)) != -1) {
      total += n;
      if (total > max) {
        throw new IOException("too large");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  String checksTheBufferSize(BufferedReader reader) throws IOException {
    StringBuilder text = new StringBuilder();
    String line;
    while ((line = reader.readLine()) != null && text.length() < 10_000) {
      text.append(line);
    }
    return text.toString();
  }

  String countsLines(BufferedReader reader) throws IOException {
    StringBuilder text = new StringBuilder();
    int lines = 0;
    String line;
    while (lines++ < 100 && (line = reader.readLine()) != null) {
      text.append(line);
    }
    return text.toString();
  }

  void streamsOut(InputStream in, OutputStream out) throws IOException {
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) != -1) {
      out.write(buf, 0, n);
    }
  }

  void handsLinesOn(BufferedReader reader, Consumer<String> sink) throws IOException {
    String line;
    while ((line = reader.readLine()) != null) {
      sink.accept(line);
    }
  }

  String readsOnce(BufferedReader reader) throws IOException {
    StringBuilder text = new StringBuilder();
    text.append(reader.readLine());
    return text.toString();
  }
}
