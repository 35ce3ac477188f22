package servers;

import io.netty.channel.*;

/** A Netty server's handler, its supertype imported on demand. */
public class FrameHandler extends SimpleChannelInboundHandler<Object> {
  private final FrameCodec codec = new FrameCodec();

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
    ctx.write(codec.decode(msg));
  }
}
