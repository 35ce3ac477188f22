package io.oomguard.cases.realfixes.indy_mitmexecutor.after;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** Copies bytes from the MITM server back to the client until either side closes. */
public final class ProxySSLTunnel implements Runnable {

  private final SocketChannel client;
  private final SocketChannel target;

  public ProxySSLTunnel(SocketChannel client, SocketChannel target) {
    this.client = client;
    this.target = target;
  }

  @Override
  public void run() {
    ByteBuffer buffer = ByteBuffer.allocate(8192);
    try {
      while (target.read(buffer) >= 0) {
        buffer.flip();
        client.write(buffer);
        buffer.clear();
      }
    } catch (IOException e) {
      // tunnel closed
    }
  }
}
