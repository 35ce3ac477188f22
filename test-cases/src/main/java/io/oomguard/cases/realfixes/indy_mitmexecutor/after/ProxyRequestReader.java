package io.oomguard.cases.realfixes.indy_mitmexecutor.after;

import java.nio.channels.SocketChannel;

/** Reads the client's request; once a tunnel exists, client bytes are forwarded to it. */
public final class ProxyRequestReader {

  private final ProxyResponseWriter writer;
  private final SocketChannel channel;
  private volatile ProxySSLTunnel sslTunnel;

  public ProxyRequestReader(ProxyResponseWriter writer, SocketChannel channel) {
    this.writer = writer;
    this.channel = channel;
  }

  public void setProxySSLTunnel(ProxySSLTunnel sslTunnel) {
    this.sslTunnel = sslTunnel;
  }

  public void resumeReads() {
    // registers with the channel's selector in the real code
  }
}
