package io.oomguard.cases.realfixes.ecchronos_jolokiaconnect.after;

import java.io.IOException;
import java.util.UUID;
import javax.management.remote.JMXConnector;

/** Hands out the JMX connection of a node; repair jobs ask for one for every repair session. */
public class DistributedJmxConnectionProviderImpl {

  private final DistributedJmxBuilder myDistributedJmxBuilder;
  private final NodeDirectory myNodeDirectory;

  DistributedJmxConnectionProviderImpl(DistributedJmxBuilder builder, NodeDirectory nodeDirectory) {
    myDistributedJmxBuilder = builder;
    myNodeDirectory = nodeDirectory;
  }

  public JMXConnector getJmxConnector(UUID nodeID) {
    Node node = myNodeDirectory.getNodes().get(nodeID);
    if (node == null) {
      return null;
    }
    JMXConnector connector = myDistributedJmxBuilder.getJmxConnections().get(nodeID);
    if (isConnected(connector)) {
      return connector;
    }
    try {
      myDistributedJmxBuilder.reconnect(node);
      connector = myDistributedJmxBuilder.getJmxConnections().get(nodeID);
    } catch (IOException e) {
      // logged: failed to connect to node
    }
    return connector;
  }

  private static boolean isConnected(JMXConnector connector) {
    if (connector == null) {
      return false;
    }
    try {
      return connector.getConnectionId() != null;
    } catch (IOException e) {
      return false;
    }
  }
}
