package io.oomguard.cases.realfixes.googlehttp_responselogging.after;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Keeps at most maximumBytesToLog bytes, counts the rest, and logs on close. */
public class LoggingByteArrayOutputStream extends ByteArrayOutputStream {
  private int bytesWritten;
  private final int maximumBytesToLog;
  private boolean closed;
  private final Level loggingLevel;
  private final Logger logger;

  public LoggingByteArrayOutputStream(Logger logger, Level loggingLevel, int maximumBytesToLog) {
    this.logger = logger;
    this.loggingLevel = loggingLevel;
    this.maximumBytesToLog = maximumBytesToLog;
  }

  @Override
  public synchronized void write(int b) {
    bytesWritten++;
    if (count < maximumBytesToLog) {
      super.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    bytesWritten += len;
    if (count < maximumBytesToLog) {
      int end = count + len;
      if (end > maximumBytesToLog) {
        len += maximumBytesToLog - end;
      }
      super.write(b, off, len);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      if (bytesWritten != 0) {
        logger.config("Total: " + bytesWritten + " bytes");
        if (count != 0) {
          logger.log(loggingLevel, toString(StandardCharsets.UTF_8));
        }
      }
      closed = true;
    }
  }
}
