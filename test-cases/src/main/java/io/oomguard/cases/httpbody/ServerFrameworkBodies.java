package io.oomguard.cases.httpbody;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Whole bodies in server frameworks: a Netty pipeline and Jetty 12 core handlers. */
public class ServerFrameworkBodies {
  private static final int MAX_CONTENT = 1 << 20;

  /** An aggregator whose "limit" lets any message through whole. */
  public static class UnlimitedPipeline extends ChannelInitializer<SocketChannel> {
    @Override
    protected void initChannel(SocketChannel channel) {
      channel.pipeline().addLast(new HttpServerCodec());
      // BUG: Diagnostic contains: `new HttpObjectAggregator(Integer.MAX_VALUE)` reads every whole
      // HTTP message of the channel
      channel.pipeline().addLast(new HttpObjectAggregator(Integer.MAX_VALUE));
    }
  }

  /** A Jetty 12 handler that reads the request content as one string. */
  public static class EchoHandler extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback)
        throws IOException {
      // BUG: Diagnostic contains: `Source.asString(...)` reads the whole Jetty request
      String body = Content.Source.asString(request, StandardCharsets.UTF_8);
      response.write(
          true, java.nio.ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
      return true;
    }
  }

  /** The request content as a stream, then read whole. */
  public static class UploadHandler extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback)
        throws IOException {
      try (InputStream in = Request.asInputStream(request)) {
        // BUG: Diagnostic contains: the whole body of `Request.asInputStream(request)`
        byte[] upload = in.readAllBytes();
        callback.succeeded();
        return upload.length > 0;
      }
    }
  }

  // ---- Bounded: no finding. ----

  /** A real limit: larger messages are rejected with 413. */
  public static class LimitedPipeline extends ChannelInitializer<SocketChannel> {
    @Override
    protected void initChannel(SocketChannel channel) {
      channel.pipeline().addLast(new HttpServerCodec());
      channel.pipeline().addLast(new HttpObjectAggregator(MAX_CONTENT));
    }
  }

  /** Read through a limit: at most one chunk more than the maximum. */
  public static class BoundedHandler extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback)
        throws IOException {
      try (InputStream in = Request.asInputStream(request)) {
        byte[] upload = in.readNBytes(MAX_CONTENT);
        callback.succeeded();
        return upload.length > 0;
      }
    }
  }
}
