/*
 * Commonjava/indy -- https://github.com/Commonjava/indy/pull/1614 (issue #1613),
 * commit 1fd3d48951b3ae710e2b8ebab358bc093fd72899.
 * The generic HTTP proxy creates a ProxyResponseWriter for every accepted connection, and the
 * writer's field initializer created its own cached thread pool for the CONNECT tunnel and the
 * MITM server; nothing ever shut it down, so every proxied connection left a pool and its threads
 * behind ("an Executor per request").
 * (The XNIO channel types of the real code are replaced by java.nio channels.)
 */
package io.oomguard.cases.realfixes.indy_mitmexecutor.before;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;

/** Answers one proxied client connection. */
public final class ProxyResponseWriter {

  private final HttproxConfig config;
  private final SocketChannel accepted;
  private final long startNanos;
  private ProxyRequestReader proxyRequestReader;
  private ProxySSLTunnel sslTunnel;

  private final ThreadPoolExecutor tunnelAndMITMExecutor =
      // BUG: Diagnostic contains: ThreadCreationInHotPath
      (ThreadPoolExecutor) Executors.newCachedThreadPool();

  public ProxyResponseWriter(HttproxConfig config, SocketChannel accepted, long start) {
    this.config = config;
    this.accepted = accepted;
    this.startNanos = start;
  }

  public void setProxyRequestReader(ProxyRequestReader proxyRequestReader) {
    this.proxyRequestReader = proxyRequestReader;
  }

  /** Called when the client's request line has been read and the channel is writable. */
  public void handleEvent(String method, String uri) throws IOException {
    switch (method) {
      case "CONNECT" -> {
        if (!config.isMITMEnabled()) {
          writeStatus(400);
          return;
        }
        String[] toks = uri.split(":");
        String host = toks[0];
        int port = Integer.parseInt(toks[1]);

        ProxyMITMSSLServer svr = new ProxyMITMSSLServer(host, port, config);
        tunnelAndMITMExecutor.submit(svr);
        SocketChannel socketChannel = svr.getSocketChannel();
        if (socketChannel == null) {
          writeStatus(500);
          svr.stop();
          return;
        }
        sslTunnel = new ProxySSLTunnel(accepted, socketChannel);
        tunnelAndMITMExecutor.submit(sslTunnel);
        proxyRequestReader.setProxySSLTunnel(sslTunnel);
        writeStatus(200);
      }
      case "GET", "HEAD" -> writeStatus(200);
      default -> writeStatus(405);
    }
  }

  private void writeStatus(int status) throws IOException {
    accepted.write(
        ByteBuffer.wrap(("HTTP/1.1 " + status + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
  }
}
