package hotpath;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.StreamObserver;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.SimpleChannelInboundHandler;

class ServerHandlers {
  static void probe() {}

  static class StatusHandler implements HttpHandler {
    @Override
    public void handle(HttpExchange exchange) {
      // BUG: Diagnostic contains: hot in HTTP handler `StatusHandler.handle`
      probe();
    }
  }

  static class FrameHandler extends SimpleChannelInboundHandler<String> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String msg) {
      // BUG: Diagnostic contains: hot in Netty handler `FrameHandler.channelRead0`
      probe();
    }
  }

  static class RawHandler extends ChannelInboundHandlerAdapter {
    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      probe();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      // BUG: Diagnostic contains: hot in Netty handler `RawHandler.channelRead`
      probe();
    }
  }

  static class OrderService implements BindableService {
    public void getOrder(String request, StreamObserver<String> responses) {
      // BUG: Diagnostic contains: hot in gRPC service method `OrderService.getOrder`
      probe();
    }

    @Override
    public ServerServiceDefinition bindService() {
      probe();
      return null;
    }
  }

  /** Takes a StreamObserver but is a client, not a service: not an entry point. */
  static class OrderClient {
    public void subscribe(StreamObserver<String> updates) {
      probe();
    }
  }

  @Controller("/stock")
  static class StockController {
    @Get("/{sku}")
    String level(String sku) {
      // BUG: Diagnostic contains: hot in request handler `StockController.level` (GET /stock/{sku})
      probe();
      return sku;
    }

    @Post
    void adjust() {
      // BUG: Diagnostic contains: hot in request handler `StockController.adjust` (POST /stock)
      probe();
    }
  }
}
