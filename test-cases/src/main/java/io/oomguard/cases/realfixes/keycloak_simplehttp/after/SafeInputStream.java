package io.oomguard.cases.realfixes.keycloak_simplehttp.after;

import java.io.IOException;
import java.io.InputStream;

/** Limit the amount of data read to prevent an OutOfMemoryError. */
public class SafeInputStream extends InputStream {
  private long bytesConsumed;
  private final InputStream delegate;
  private final long maxBytesToConsume;

  public SafeInputStream(InputStream delegate, long maxBytesToConsume) {
    this.delegate = delegate;
    this.maxBytesToConsume = maxBytesToConsume;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int sizeRead = delegate.read(b, off, len);
    if (sizeRead > 0) {
      bytesConsumed += sizeRead;
    }
    checkConsumedBytes();
    return sizeRead;
  }

  @Override
  public int read() throws IOException {
    int result = delegate.read();
    if (result > 0) {
      ++bytesConsumed;
    }
    checkConsumedBytes();
    return result;
  }

  private void checkConsumedBytes() throws IOException {
    if (bytesConsumed > maxBytesToConsume) {
      throw new IOException(
          "Response is at least "
              + bytesConsumed
              + " bytes in size, with max bytes to be"
              + " consumed being "
              + maxBytesToConsume);
    }
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
