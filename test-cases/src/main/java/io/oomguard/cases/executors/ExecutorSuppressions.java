package io.oomguard.cases.executors;

import io.oomguard.annotations.OomSafe;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Unbounded executors the team has reviewed and suppressed, with a reason. */
public class ExecutorSuppressions {
  @SuppressWarnings("UnboundedExecutor") // fed by a Kafka consumer with max.poll.records=50
  private final ExecutorService consumerPool = Executors.newFixedThreadPool(4);

  @OomSafe("one task per deployment event, a handful per day")
  private final ExecutorService deployHooks = Executors.newSingleThreadExecutor();

  public void run(Runnable task) {
    consumerPool.execute(task);
    deployHooks.execute(task);
  }
}
