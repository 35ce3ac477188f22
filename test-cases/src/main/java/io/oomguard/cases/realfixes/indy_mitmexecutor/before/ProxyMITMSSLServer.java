package io.oomguard.cases.realfixes.indy_mitmexecutor.before;

import java.nio.channels.SocketChannel;

/** A local TLS server impersonating the CONNECT target, serving content from the repositories. */
public final class ProxyMITMSSLServer implements Runnable {

  private final String host;
  private final int port;
  private final HttproxConfig config;
  private volatile SocketChannel socketChannel;
  private volatile boolean stopped;

  public ProxyMITMSSLServer(String host, int port, HttproxConfig config) {
    this.host = host;
    this.port = port;
    this.config = config;
  }

  @Override
  public void run() {
    // accepts the tunnel's connection and serves requests until stopped
  }

  public SocketChannel getSocketChannel() {
    return socketChannel;
  }

  public void stop() {
    stopped = true;
  }
}
