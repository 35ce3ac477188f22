package io.oomguard.cases.realfixes.rocketmqclients_asyncworker.before;

import com.google.common.util.concurrent.ListenableFuture;
import java.time.Duration;
import java.util.concurrent.Executor;

/** The gRPC client of one endpoint (reduced to the send call). */
public interface RpcClient {

  ListenableFuture<SendMessageResponse> sendMessage(
      SendMessageRequest request, Executor executor, Duration duration);

  Duration idleDuration();

  void shutdown();
}
