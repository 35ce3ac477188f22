/*
 * Apache Karaf Decanter, REST servlet collector (POST /decanter/collect).
 * Bug fix: https://issues.apache.org/jira/browse/KARAF-6837, PR
 * https://github.com/apache/karaf-decanter/pull/192 (commit 2b94e6f2, "Use BoundedInputStream to
 * put a limit on how many bytes are read from the InputStream for the rest-servlet + socket
 * collectors").
 *
 * What grew: every POSTed payload was read line by line into a StringBuilder with no limit, so a
 * client could make the collector hold any amount of request body in memory.
 */
package io.oomguard.cases.realfixes.decanter_restservlet.before;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.Dictionary;
import java.util.Map;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class RestServletCollector extends HttpServlet {
  public EventSink dispatcher;
  public Unmarshaller unmarshaller;

  private String baseTopic;
  private Dictionary<String, Object> properties;

  /** Called once with the component's configuration (an OSGi @Activate method). */
  public void activate(Dictionary<String, Object> props) {
    this.baseTopic = getProperty(props, "topic", "decanter/collect/rest-servlet");
    this.properties = props;
  }

  private String getProperty(
      Dictionary<String, Object> properties, String key, String defaultValue) {
    return (properties.get(key) != null) ? (String) properties.get(key) : defaultValue;
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp)
      throws ServletException, IOException {
    try {
      StringBuilder builder = new StringBuilder();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(req.getInputStream()))) {
        String line;
        // BUG: Diagnostic contains: UnboundedHttpBodyRead
        while ((line = reader.readLine()) != null) {
          builder.append(line);
        }
      }
      String payload = builder.toString();

      Map<String, Object> data =
          unmarshaller.unmarshal(new ByteArrayInputStream(payload.getBytes()));
      data.put("type", "restservlet");
      data.put("payload", payload);
      dispatcher.postEvent(baseTopic, data);
      resp.setStatus(HttpServletResponse.SC_CREATED);
    } catch (Exception e) {
      resp.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }
  }
}
