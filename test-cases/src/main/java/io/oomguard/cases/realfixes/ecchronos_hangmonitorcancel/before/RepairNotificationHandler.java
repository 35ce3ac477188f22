package io.oomguard.cases.realfixes.ecchronos_hangmonitorcancel.before;

import java.util.concurrent.CountDownLatch;
import javax.management.Notification;
import javax.management.NotificationListener;

/** Receives Cassandra's repair progress notifications; every one reschedules the hang check. */
public final class RepairNotificationHandler implements NotificationListener {

  private final Runnable hangPreventionCallback;
  private final CountDownLatch latch = new CountDownLatch(1);
  private volatile int command;

  public RepairNotificationHandler(Runnable hangPreventionCallback) {
    this.hangPreventionCallback = hangPreventionCallback;
  }

  public void setCommand(int command) {
    this.command = command;
  }

  public int getCommand() {
    return command;
  }

  public void countDown() {
    latch.countDown();
  }

  public void await() throws InterruptedException {
    latch.await();
  }

  @Override
  public void handleNotification(Notification notification, Object handback) {
    hangPreventionCallback.run();
    if ("COMPLETE".equals(notification.getType())) {
      countDown();
    }
  }
}
