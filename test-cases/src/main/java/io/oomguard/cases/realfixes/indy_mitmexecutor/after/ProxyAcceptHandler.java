package io.oomguard.cases.realfixes.indy_mitmexecutor.after;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/** The accept listener of the proxy port: wires a reader and a writer to each new connection. */
@ApplicationScoped
public class ProxyAcceptHandler {

  @Inject HttproxConfig config;

  @Inject ProxyTransfersExecutor proxyExecutor;

  public void handleEvent(ServerSocketChannel channel) {
    long start = System.nanoTime();
    SocketChannel accepted;
    try {
      accepted = channel.accept();
    } catch (IOException e) {
      accepted = null;
    }
    if (accepted == null) {
      return;
    }
    final ProxyResponseWriter writer =
        new ProxyResponseWriter(config, accepted, start, proxyExecutor.getExecutor());
    final ProxyRequestReader reader = new ProxyRequestReader(writer, accepted);
    writer.setProxyRequestReader(reader);
    reader.resumeReads();
  }
}
