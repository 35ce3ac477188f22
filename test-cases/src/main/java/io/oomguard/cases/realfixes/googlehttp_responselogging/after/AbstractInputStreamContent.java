package io.oomguard.cases.realfixes.googlehttp_responselogging.after;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Base of the stream-backed request contents; hosts the library's stream-copy helper. */
public abstract class AbstractInputStreamContent {
  private static final int BUFFER_SIZE = 2048;

  /** Writes the whole input stream into the output stream, then closes the input. */
  public static void copy(InputStream inputStream, OutputStream outputStream) throws IOException {
    try {
      byte[] tmp = new byte[BUFFER_SIZE];
      int bytesRead;
      while ((bytesRead = inputStream.read(tmp)) != -1) {
        outputStream.write(tmp, 0, bytesRead);
      }
    } finally {
      inputStream.close();
    }
  }
}
