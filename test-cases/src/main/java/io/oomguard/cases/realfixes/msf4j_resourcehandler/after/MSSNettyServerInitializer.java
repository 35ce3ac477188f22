/*
 * WSO2 MSF4J (Microservices Server, then carbon-mss), Netty transport.
 * Bug fix: https://github.com/wso2/msf4j/pull/16 ("CARBON-15499 Performance optimization for
 * request handling": "Avoids per request HttpResourceHandler reinitialization"), commit e68ddb83
 * ("Using cashed HttpResourceHandler when creating netty pipeline").
 *
 * What grew: every new connection's pipeline got a new HttpResourceHandler, which copied the
 * registry's service set and rebuilt the whole route table (reflection over every service method,
 * one compiled pattern per resource) although it only changes when a service is deployed.
 *
 * Fix: MicroservicesRegistry builds the HttpResourceHandler when a service is added or removed
 * and keeps it in a volatile field; each new pipeline reuses it.
 */
package io.oomguard.cases.realfixes.msf4j_resourcehandler.after;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;

public class MSSNettyServerInitializer extends ChannelInitializer<SocketChannel> {
  @Override
  public void initChannel(SocketChannel channel) {
    ChannelPipeline pipeline = channel.pipeline();
    pipeline.addLast("decoder", new HttpRequestDecoder());
    pipeline.addLast("encoder", new HttpResponseEncoder());

    pipeline.addLast(
        "router", new RequestRouter(MicroservicesRegistry.getInstance().getHttpResourceHandler()));
  }
}
