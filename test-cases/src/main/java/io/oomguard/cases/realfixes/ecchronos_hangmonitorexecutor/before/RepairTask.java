package io.oomguard.cases.realfixes.ecchronos_hangmonitorexecutor.before;

import java.util.Map;
import java.util.UUID;

/** One repair of a table on a node; RepairGroup creates one per token sub-range. */
public abstract class RepairTask {

  private final UUID nodeID;
  private final JmxProxyFactory myJmxProxyFactory;
  private final String myKeyspace;
  private final RepairNotificationHandler myNotificationHandler;
  private final RepairHangMonitor myHangMonitor;

  protected RepairTask(
      UUID currentNodeID, JmxProxyFactory jmxProxyFactory, String keyspace, int maxWaitTime) {
    nodeID = currentNodeID;
    myJmxProxyFactory = jmxProxyFactory;
    myKeyspace = keyspace;
    myNotificationHandler = new RepairNotificationHandler(this::rescheduleHangPrevention);
    myHangMonitor =
        new RepairHangMonitor(myJmxProxyFactory, nodeID, maxWaitTime, myNotificationHandler);
  }

  public void execute() throws Exception {
    try (JmxProxy proxy = myJmxProxyFactory.connect()) {
      myHangMonitor.reschedule();
      repair(proxy);
    } finally {
      myHangMonitor.cancel();
    }
  }

  private void repair(JmxProxy proxy) throws InterruptedException {
    if (!proxy.addStorageServiceListener(nodeID, myNotificationHandler)) {
      throw new IllegalStateException("no jmx connection");
    }
    try {
      int command = proxy.repairAsync(nodeID, myKeyspace, getOptions());
      if (command > 0) {
        myNotificationHandler.setCommand(command);
        myNotificationHandler.await();
      }
    } finally {
      proxy.removeStorageServiceListener(nodeID, myNotificationHandler);
    }
  }

  private void rescheduleHangPrevention() {
    myHangMonitor.reschedule();
  }

  protected abstract Map<String, String> getOptions();

  public void cleanup() {
    myHangMonitor.shutdown();
  }
}
