package io.oomguard.cases.realfixes.reactornetty_uritemplate.after;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** The channel handler that hands each decoded request to the route table. */
final class HttpServerHandler extends ChannelInboundHandlerAdapter {
  private final DefaultHttpServerRoutes routes;

  HttpServerHandler(DefaultHttpServerRoutes routes) {
    this.routes = routes;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpServerRequest) {
      String body = routes.apply((HttpServerRequest) msg);
      ctx.writeAndFlush(body == null ? "404" : body);
    } else {
      ctx.fireChannelRead(msg);
    }
  }
}
