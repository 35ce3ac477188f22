/*
 * apache/rocketmq-clients (Java) -- https://github.com/apache/rocketmq-clients/issues/748, fixed by
 * https://github.com/apache/rocketmq-clients/pull/749 (commit 2046d4785c12e0839732c1257ec3834bdc2418f2).
 * Every RPC of a producer or consumer (each send, receive, ack, heartbeat) completes on the
 * client's shared asyncWorker executor, a ThreadPoolExecutor over a capacity-less
 * LinkedBlockingQueue. When the SDK submits faster than the workers drain, the queue grows until
 * OOM.
 * (The gRPC future stub's withExecutor(asyncWorker) is reduced to a Guava transform on it.)
 */
package io.oomguard.cases.realfixes.rocketmqclients_asyncworker.before;

import com.google.common.util.concurrent.ListenableFuture;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** One per client: the RPC clients of all endpoints and the executors their calls use. */
public class ClientManagerImpl {

  public static final Duration RPC_CLIENT_MAX_IDLE_DURATION = Duration.ofMinutes(30);

  private final Map<Endpoints, RpcClient> rpcClientTable = new HashMap<>();
  private final ReadWriteLock rpcClientTableLock = new ReentrantReadWriteLock();

  /** In charge of all scheduled tasks. */
  private final ScheduledExecutorService scheduler;

  /** Public executor for all async RPCs, should never submit a heavy task. */
  private final ExecutorService asyncWorker;

  public ClientManagerImpl(long clientIndex) {
    this.scheduler =
        new ScheduledThreadPoolExecutor(
            Runtime.getRuntime().availableProcessors(),
            new ThreadFactoryImpl("ClientScheduler", clientIndex));

    this.asyncWorker =
        // BUG: Diagnostic contains: UnboundedExecutor
        new ThreadPoolExecutor(
            Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().availableProcessors(),
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            new ThreadFactoryImpl("ClientAsyncWorker", clientIndex));
  }

  /** Scheduled every minute on the scheduler: drops RPC clients idle for too long. */
  void clearIdleRpcClients() {
    rpcClientTableLock.writeLock().lock();
    try {
      Iterator<Map.Entry<Endpoints, RpcClient>> it = rpcClientTable.entrySet().iterator();
      while (it.hasNext()) {
        RpcClient rpcClient = it.next().getValue();
        if (rpcClient.idleDuration().compareTo(RPC_CLIENT_MAX_IDLE_DURATION) > 0) {
          it.remove();
          rpcClient.shutdown();
        }
      }
    } finally {
      rpcClientTableLock.writeLock().unlock();
    }
  }

  private RpcClient getRpcClient(Endpoints endpoints) {
    rpcClientTableLock.readLock().lock();
    try {
      RpcClient rpcClient = rpcClientTable.get(endpoints);
      if (rpcClient != null) {
        return rpcClient;
      }
    } finally {
      rpcClientTableLock.readLock().unlock();
    }
    rpcClientTableLock.writeLock().lock();
    try {
      RpcClient rpcClient = rpcClientTable.get(endpoints);
      if (rpcClient != null) {
        return rpcClient;
      }
      rpcClient = new RpcClientImpl(endpoints);
      rpcClientTable.put(endpoints, rpcClient);
      return rpcClient;
    } finally {
      rpcClientTableLock.writeLock().unlock();
    }
  }

  public ListenableFuture<SendMessageResponse> sendMessage(
      Endpoints endpoints, SendMessageRequest request, Duration duration) {
    RpcClient rpcClient = getRpcClient(endpoints);
    return rpcClient.sendMessage(request, asyncWorker, duration);
  }

  public ScheduledExecutorService getScheduler() {
    return scheduler;
  }
}
