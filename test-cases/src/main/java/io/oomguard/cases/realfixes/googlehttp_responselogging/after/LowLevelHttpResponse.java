package io.oomguard.cases.realfixes.googlehttp_responselogging.after;

import java.io.IOException;
import java.io.InputStream;

/** The transport-specific response under {@link HttpResponse}. */
public abstract class LowLevelHttpResponse {
  public abstract InputStream getContent() throws IOException;

  public abstract String getContentEncoding();

  public abstract String getContentType();

  public abstract long getContentLength();
}
