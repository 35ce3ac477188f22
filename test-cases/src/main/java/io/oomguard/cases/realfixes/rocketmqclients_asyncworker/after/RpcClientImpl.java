package io.oomguard.cases.realfixes.rocketmqclients_asyncworker.after;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import java.time.Duration;
import java.util.concurrent.Executor;

public class RpcClientImpl implements RpcClient {

  private final Endpoints endpoints;
  private volatile long activityNanoTime = System.nanoTime();

  public RpcClientImpl(Endpoints endpoints) {
    this.endpoints = endpoints;
  }

  /**
   * The call's response is delivered on the given executor (gRPC's withExecutor in the real code).
   */
  @Override
  public ListenableFuture<SendMessageResponse> sendMessage(
      SendMessageRequest request, Executor executor, Duration duration) {
    activityNanoTime = System.nanoTime();
    SettableFuture<SendMessageResponse> call = SettableFuture.create();
    transmit(request, call);
    return Futures.transform(call, response -> response, executor);
  }

  private void transmit(SendMessageRequest request, SettableFuture<SendMessageResponse> call) {
    // writes the request to the endpoint's channel; the transport completes `call`
  }

  @Override
  public Duration idleDuration() {
    return Duration.ofNanos(System.nanoTime() - activityNanoTime);
  }

  @Override
  public void shutdown() {}
}
