/*
 * Ericsson/ecchronos -- https://github.com/Ericsson/ecchronos/pull/1624 (issue #1621),
 * commit e01913ea86a183b3e524b68ea8cdaf52c209d698.
 * After #1612 all monitors share one scheduled pool. reschedule() runs on every repair progress
 * notification: it cancels the pending HangPreventingTask and schedules a new one a minute ahead.
 * A cancelled task stays in the pool's DelayedWorkQueue until its delay elapses, so the queue
 * grows with the notification rate (876 cancelled tasks retained after 66 hours).
 */
package io.oomguard.cases.realfixes.ecchronos_hangmonitorcancel.before;

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
  private static final int SHARED_POOL_SIZE = 2;

  private static final ScheduledExecutorService SHARED_EXECUTOR =
      // BUG: Diagnostic contains: UnboundedExecutor
      Executors.newScheduledThreadPool(
          SHARED_POOL_SIZE,
          new ThreadFactoryBuilder()
              .setNameFormat("HangPreventingTask-%d")
              .setDaemon(true)
              .build());

  private final ScheduledExecutorService myExecutor;
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
    myExecutor = SHARED_EXECUTOR;
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
