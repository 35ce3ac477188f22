/*
 * Ericsson/ecchronos -- https://github.com/Ericsson/ecchronos/pull/1612 (issue #1611),
 * commit 149055fd1eb35bfe837b8d6e1a56daa2c40c1d96.
 * Every RepairTask builds a RepairHangMonitor, and the monitor's field initializer created its own
 * single-thread ScheduledExecutorService. RepairGroup creates one task per token sub-range on
 * every run, so each repair run started a thread per sub-range; the reporter's heap dump held 187
 * "HangPreventingTask" threads and native memory grew ~5 MB/hour.
 */
package io.oomguard.cases.realfixes.ecchronos_hangmonitorexecutor.before;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Watches a running repair and terminates it when the node is down or it stops progressing. */
public class RepairHangMonitor {

  private static final int DEFAULT_HEALTH_CHECK_INTERVAL_MINUTES = 1;

  private final ScheduledExecutorService myExecutor =
      // BUG: Diagnostic contains: ThreadCreationInHotPath
      Executors.newSingleThreadScheduledExecutor(
          new ThreadFactoryBuilder().setNameFormat("HangPreventingTask-%d").build());
  private final JmxProxyFactory myJmxProxyFactory;
  private final UUID myNodeID;
  private final int myMaxWaitTimeInMinutes;
  private final RepairNotificationHandler myNotificationHandler;

  private volatile ScheduledFuture<?> myHangPreventFuture;

  public RepairHangMonitor(
      JmxProxyFactory jmxProxyFactory,
      UUID nodeID,
      int maxWaitTimeInMinutes,
      RepairNotificationHandler notificationHandler) {
    myJmxProxyFactory = jmxProxyFactory;
    myNodeID = nodeID;
    myMaxWaitTimeInMinutes = maxWaitTimeInMinutes;
    myNotificationHandler = notificationHandler;
  }

  /** Called whenever the repair makes progress. */
  public void reschedule() {
    if (myHangPreventFuture != null) {
      myHangPreventFuture.cancel(false);
    }
    myHangPreventFuture =
        myExecutor.schedule(
            new HangPreventingTask(), DEFAULT_HEALTH_CHECK_INTERVAL_MINUTES, TimeUnit.MINUTES);
  }

  public void cancel() {
    if (myHangPreventFuture != null) {
      myHangPreventFuture.cancel(false);
    }
  }

  public void shutdown() {
    myExecutor.shutdownNow();
  }

  private final class HangPreventingTask implements Runnable {
    private final long startTime = System.currentTimeMillis();

    @Override
    public void run() {
      int command = myNotificationHandler.getCommand();
      try (JmxProxy proxy = myJmxProxyFactory.connect()) {
        if (!"NORMAL".equals(proxy.getNodeStatus(myNodeID))) {
          proxy.forceTerminateAllRepairSessions(myNodeID);
          myNotificationHandler.countDown();
        } else if (!proxy.isRepairActive(myNodeID, command)) {
          myNotificationHandler.countDown();
        } else if (System.currentTimeMillis() - startTime
            >= TimeUnit.MINUTES.toMillis(myMaxWaitTimeInMinutes)) {
          proxy.forceTerminateAllRepairSessions(myNodeID);
          myNotificationHandler.countDown();
        } else {
          myHangPreventFuture =
              myExecutor.schedule(this, DEFAULT_HEALTH_CHECK_INTERVAL_MINUTES, TimeUnit.MINUTES);
        }
      } catch (IOException e) {
        // logged in the real code
      }
    }
  }
}
