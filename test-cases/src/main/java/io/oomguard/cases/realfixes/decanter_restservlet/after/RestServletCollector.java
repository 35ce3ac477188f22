/*
 * Apache Karaf Decanter, REST servlet collector (POST /decanter/collect).
 * Bug fix: https://issues.apache.org/jira/browse/KARAF-6837, PR
 * https://github.com/apache/karaf-decanter/pull/192 (commit 2b94e6f2, "Use BoundedInputStream to
 * put a limit on how many bytes are read from the InputStream for the rest-servlet + socket
 * collectors").
 *
 * What grew: every POSTed payload was read line by line into a StringBuilder with no limit, so a
 * client could make the collector hold any amount of request body in memory.
 *
 * Fix: the request stream is wrapped in commons-io's BoundedInputStream with a configurable
 * max.request.size (100000 bytes by default).
 */
package io.oomguard.cases.realfixes.decanter_restservlet.after;

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
import org.apache.commons.io.input.BoundedInputStream;

public class RestServletCollector extends HttpServlet {
  public EventSink dispatcher;
  public Unmarshaller unmarshaller;

  private String baseTopic;
  private Dictionary<String, Object> properties;
  private long maxRequestSize = 100000;

  /** Called once with the component's configuration (an OSGi @Activate method). */
  public void activate(Dictionary<String, Object> props) {
    this.baseTopic = getProperty(props, "topic", "decanter/collect/rest-servlet");
    this.properties = props;
    if (this.properties.get("max.request.size") != null) {
      maxRequestSize = Long.parseLong((String) this.properties.get("max.request.size"));
    }
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
      try (BoundedInputStream boundedInputStream =
              new BoundedInputStream(req.getInputStream(), maxRequestSize);
          BufferedReader reader = new BufferedReader(new InputStreamReader(boundedInputStream))) {
        String line;
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
