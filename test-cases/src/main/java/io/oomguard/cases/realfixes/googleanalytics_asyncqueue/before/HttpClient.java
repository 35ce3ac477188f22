package io.oomguard.cases.realfixes.googleanalytics_asyncqueue.before;

import java.io.IOException;
import java.util.Map;

/** The library's own HTTP abstraction (an Apache HttpClient implementation in the real code). */
public interface HttpClient {
  int post(String url, Map<String, String> formParameters) throws IOException;
}
