package io.oomguard.cases.realfixes.spark_inputstreamserializer.after;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;

/** Spark's own stream helpers (a trimmed copy of commons-io's, kept to avoid the dependency). */
public final class IOUtils {
  private static final int DEFAULT_BUFFER_SIZE = 1024 * 4;

  private IOUtils() {}

  /** Gets the contents of an InputStream as a String using the default character encoding. */
  public static String toString(InputStream input) throws IOException {
    StringWriter sw = new StringWriter();
    copy(input, sw);
    return sw.toString();
  }

  /** Copies bytes from an InputStream to an OutputStream. */
  public static long copy(InputStream input, OutputStream output) throws IOException {
    byte[] buffer = new byte[DEFAULT_BUFFER_SIZE];
    long count = 0;
    int n;
    while (-1 != (n = input.read(buffer))) {
      output.write(buffer, 0, n);
      count += n;
    }
    return count;
  }

  /** Copies bytes from an InputStream to chars on a Writer. */
  public static void copy(InputStream input, Writer output) throws IOException {
    InputStreamReader in = new InputStreamReader(input); // NOSONAR
    copyLarge(in, output);
  }

  /** Copies chars from a large Reader to a Writer. */
  public static long copyLarge(Reader input, Writer output) throws IOException {
    char[] buffer = new char[DEFAULT_BUFFER_SIZE];
    long count = 0;
    int n;
    while (-1 != (n = input.read(buffer))) {
      output.write(buffer, 0, n);
      count += n;
    }
    return count;
  }
}
