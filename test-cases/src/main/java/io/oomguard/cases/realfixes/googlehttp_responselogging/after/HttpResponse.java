/*
 * Google HTTP Client Library for Java.
 * Bug fix: https://github.com/googleapis/google-http-java-client/issues/82 ("OutOfMemoryError
 * with logging enabled"), commit af784f62 ("[Issue 82] OutOfMemoryError with logging enabled").
 *
 * What grew: with the transport logger at CONFIG, getContent() copied the whole response body
 * (and again the whole gunzipped body) into an unsized ByteArrayOutputStream just to log it and
 * replay it, so downloading a large file, even through download(OutputStream), held all of it
 * in memory; the logging limit only decided whether the bytes were printed.
 *
 * Fix: the content is wrapped in a LoggingInputStream that logs as the caller reads, keeping at
 * most contentLoggingLimit bytes (default lowered from 100,000 to 16 KB) in its buffer.
 */
package io.oomguard.cases.realfixes.googlehttp_responselogging.after;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;

public final class HttpResponse {
  private LowLevelHttpResponse response;
  private InputStream content;
  private final String contentEncoding;
  private final String contentType;
  private long contentLength;
  private final int contentLoggingLimit;

  HttpResponse(LowLevelHttpResponse response, int contentLoggingLimit) {
    this.response = response;
    this.contentEncoding = response.getContentEncoding();
    this.contentType = response.getContentType();
    this.contentLength = response.getContentLength();
    this.contentLoggingLimit = contentLoggingLimit;
  }

  /** The content of the response; the result is cached. */
  public InputStream getContent() throws IOException {
    LowLevelHttpResponse response = this.response;
    if (response == null) {
      return content;
    }
    InputStream content = response.getContent();
    this.response = null;
    if (content != null) {
      // gzip encoding (wrap content with GZipInputStream)
      if (contentEncoding != null && contentEncoding.contains("gzip")) {
        content = new GZIPInputStream(content);
        contentLength = -1;
      }
      // logging (wrap content with LoggingInputStream)
      Logger logger = HttpTransport.LOGGER;
      if (logger.isLoggable(Level.CONFIG)) {
        content = new LoggingInputStream(content, logger, Level.CONFIG, contentLoggingLimit);
      }
      this.content = content;
    }
    return content;
  }

  /** Writes the content of the response into the given stream (e.g. a file download). */
  public void download(OutputStream outputStream) throws IOException {
    InputStream inputStream = getContent();
    AbstractInputStreamContent.copy(inputStream, outputStream);
  }
}
