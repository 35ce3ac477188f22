package io.oomguard.cases.realfixes.ecchronos_hangmonitorexecutor.after;

import java.io.IOException;
import java.util.UUID;
import javax.management.NotificationListener;

/** The project's JMX proxy to a Cassandra node (reduced). */
public interface JmxProxy extends AutoCloseable {

  String getNodeStatus(UUID nodeId);

  boolean isRepairActive(UUID nodeId, int command);

  void forceTerminateAllRepairSessions(UUID nodeId);

  boolean addStorageServiceListener(UUID nodeId, NotificationListener listener);

  void removeStorageServiceListener(UUID nodeId, NotificationListener listener);

  int repairAsync(UUID nodeId, String keyspace, java.util.Map<String, String> options);

  @Override
  void close() throws IOException;
}
