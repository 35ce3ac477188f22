package io.oomguard.cases.realfixes.rocketmqclients_asyncworker.before;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.time.Duration;

/** The producer applications call for every message they publish (send or sendAsync). */
public class ProducerImpl {

  private final ClientManagerImpl clientManager;
  private final Endpoints endpoints;
  private final Duration requestTimeout = Duration.ofSeconds(3);

  public ProducerImpl(ClientManagerImpl clientManager, Endpoints endpoints) {
    this.clientManager = clientManager;
    this.endpoints = endpoints;
  }

  public ListenableFuture<String> sendAsync(String topic, byte[] body) {
    SendMessageRequest request = new SendMessageRequest(topic, body);
    ListenableFuture<SendMessageResponse> future =
        clientManager.sendMessage(endpoints, request, requestTimeout);
    return Futures.transform(
        future, SendMessageResponse::messageId, MoreExecutors.directExecutor());
  }
}
