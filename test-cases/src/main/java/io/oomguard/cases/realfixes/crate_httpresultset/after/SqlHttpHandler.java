/*
 * CrateDB, HTTP /_sql endpoint.
 * Bug fix: https://github.com/crate/crate/pull/18021 (commit 006187ad50, "Fix OOM caused by
 * under-accounted memory usage in JSON result sets"); follow-up crate/crate#18531.
 *
 * What grew: each HTTP query built its whole JSON result set in the unsized
 * ByteArrayOutputStream of an x-content builder, one serialized row after another; the only
 * bound was a per-row estimate from the column types (8 bytes for a double that is written as a
 * long JSON number), so large results grew the buffer far past what the breaker was told.
 *
 * Fix: the builder writes into a RamAccountingOutputStream, a ByteArrayOutputStream that charges
 * every written byte to the query circuit breaker (which trips at its limit) and releases it on
 * close; the type-based row estimate is gone.
 */
package io.oomguard.cases.realfixes.crate_httpresultset.after;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

public class SqlHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private final Session session;
  private final Function<String, CircuitBreaker> circuitBreakerProvider;

  public SqlHttpHandler(Session session, Function<String, CircuitBreaker> circuitBreakerProvider) {
    super(false);
    this.session = session;
    this.circuitBreakerProvider = circuitBreakerProvider;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (request.uri().startsWith("/_sql")) {
      String stmt = request.content().toString(StandardCharsets.UTF_8);
      CompletableFuture<XContentBuilder> result;
      try {
        result = executeSimpleRequest(stmt, List.of());
      } catch (IOException e) {
        result = CompletableFuture.failedFuture(e);
      }
      result.whenComplete(
          (builder, t) -> {
            try {
              sendResponse(ctx, builder, t);
            } finally {
              request.release();
            }
          });
    } else {
      ctx.fireChannelRead(request);
    }
  }

  private CompletableFuture<XContentBuilder> executeSimpleRequest(String stmt, List<Object> args)
      throws IOException {
    List<String> fieldNames = session.describeFieldNames(stmt);
    CircuitBreaker breaker = circuitBreakerProvider.apply("query");
    RamAccounting ramAccounting =
        new RamAccounting(
            b -> breaker.addEstimateBytesAndMaybeBreak(b, "http-result"),
            RamAccounting.MAX_BLOCK_SIZE_IN_BYTES);
    RestResultSetReceiver resultReceiver =
        new RestResultSetReceiver(
            new XContentBuilder(new RamAccountingOutputStream(ramAccounting)), fieldNames);
    resultReceiver.completionFuture().whenComplete((r, error) -> ramAccounting.close());
    session.execute(stmt, args, resultReceiver);
    return resultReceiver.completionFuture();
  }

  private void sendResponse(ChannelHandlerContext ctx, XContentBuilder builder, Throwable t) {
    DefaultFullHttpResponse response;
    if (t == null) {
      try {
        ByteArrayOutputStream bos = (ByteArrayOutputStream) builder.getOutputStream();
        ByteBuf content = Unpooled.wrappedBuffer(bos.toByteArray());
        response =
            new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, content);
      } catch (IOException e) {
        response =
            new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.INTERNAL_SERVER_ERROR);
      }
    } else {
      response =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.INTERNAL_SERVER_ERROR);
    }
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  static final class RamAccountingOutputStream extends ByteArrayOutputStream {
    private final RamAccounting ramAccounting;

    RamAccountingOutputStream(RamAccounting ramAccounting) {
      super();
      this.ramAccounting = ramAccounting;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ramAccounting.addBytes(len);
      super.write(b, off, len);
    }

    @Override
    public void write(int b) {
      ramAccounting.addBytes(1);
      super.write(b);
    }

    @Override
    public void close() throws IOException {
      ramAccounting.release();
      super.close();
    }
  }
}
