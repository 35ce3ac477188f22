/*
 * GeoSolutions http-proxy (the proxy servlet MapStore and GeoServer front-ends use).
 * Bug fix: https://github.com/geosolutions-it/http-proxy/issues/44 and
 * https://github.com/geosolutions-it/http-proxy/pull/45 (commit 95934e9, "Fix #44. Buffer now
 * streams directly on the response body").
 *
 * What grew: for every proxied request the servlet copied the whole upstream response
 * (Commons HttpClient 3 getResponseBodyAsStream()) into a ByteArrayOutputStream and only then
 * wrote it to the client, so big WFS/GetFeature answers were held in memory in full.
 */
package io.oomguard.cases.realfixes.geosolutions_httpproxy.before;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.httpclient.Header;
import org.apache.commons.httpclient.HttpClient;
import org.apache.commons.httpclient.HttpMethod;
import org.apache.commons.httpclient.MultiThreadedHttpConnectionManager;
import org.apache.commons.httpclient.methods.GetMethod;

public class HTTPProxy extends HttpServlet {
  private HttpClient httpClient;
  private ProxyConfig proxyConfig;

  @Override
  public void init(ServletConfig servletConfig) throws ServletException {
    super.init(servletConfig);
    this.proxyConfig = new ProxyConfig();
    this.httpClient = new HttpClient(new MultiThreadedHttpConnectionManager());
  }

  @Override
  public void doGet(HttpServletRequest httpServletRequest, HttpServletResponse httpServletResponse)
      throws IOException, ServletException {
    String target = httpServletRequest.getParameter("url");
    if (target != null) {
      URL url = new URL(target);
      GetMethod getMethodProxyRequest = new GetMethod(url.toExternalForm());
      executeProxyRequest(getMethodProxyRequest, httpServletRequest, httpServletResponse);
    }
  }

  private void executeProxyRequest(
      HttpMethod httpMethodProxyRequest,
      HttpServletRequest httpServletRequest,
      HttpServletResponse httpServletResponse)
      throws IOException, ServletException {
    httpMethodProxyRequest.setFollowRedirects(false);
    InputStream inputStreamServerResponse = null;
    ByteArrayOutputStream baos = null;
    try {
      int intProxyResponseCode = httpClient.executeMethod(httpMethodProxyRequest);
      if (intProxyResponseCode == HttpServletResponse.SC_NOT_MODIFIED) {
        httpServletResponse.setIntHeader("Content-Length", 0);
        httpServletResponse.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return;
      }
      httpServletResponse.setStatus(intProxyResponseCode);
      for (Header header : httpMethodProxyRequest.getResponseHeaders()) {
        if (header.getName().equalsIgnoreCase("Transfer-Encoding")) {
          continue;
        }
        httpServletResponse.setHeader(header.getName(), header.getValue());
      }

      // Send the content to the client
      inputStreamServerResponse = httpMethodProxyRequest.getResponseBodyAsStream();
      if (inputStreamServerResponse != null) {
        byte[] b = new byte[proxyConfig.getDefaultStreamByteSize()];
        baos = new ByteArrayOutputStream(b.length);
        int read = 0;
        // BUG: Diagnostic contains: UnboundedHttpBodyRead
        while ((read = inputStreamServerResponse.read(b)) > 0) {
          baos.write(b, 0, read);
          baos.flush();
        }
        baos.writeTo(httpServletResponse.getOutputStream());
      }
    } finally {
      if (inputStreamServerResponse != null) {
        inputStreamServerResponse.close();
      }
      if (baos != null) {
        baos.close();
      }
      httpMethodProxyRequest.releaseConnection();
    }
  }
}
