package io.oomguard.cases.realfixes.msf4j_resourcehandler.before;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** The pipeline's last handler: routes each request through the resource handler. */
public class RequestRouter extends SimpleChannelInboundHandler<HttpRequest> {
  private final HttpResourceHandler httpMethodHandler;

  public RequestRouter(HttpResourceHandler methodHandler) {
    this.httpMethodHandler = methodHandler;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, HttpRequest request) {
    HttpResourceModel model = httpMethodHandler.route(request.uri());
    HttpResponseStatus status =
        model == null ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.OK;
    ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status));
  }
}
