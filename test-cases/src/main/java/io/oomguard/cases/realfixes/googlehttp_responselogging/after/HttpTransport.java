package io.oomguard.cases.realfixes.googlehttp_responselogging.after;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.logging.Logger;

/** The library's transport; its logger at CONFIG turns on request/response logging. */
public class HttpTransport {
  static final Logger LOGGER = Logger.getLogger(HttpTransport.class.getName());

  public HttpResponse execute(String method, String url) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
    connection.setRequestMethod(method);
    return new HttpResponse(new NetHttpResponse(connection), 0x4000);
  }
}
