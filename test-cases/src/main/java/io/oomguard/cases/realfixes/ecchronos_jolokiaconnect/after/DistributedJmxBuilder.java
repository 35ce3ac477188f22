/*
 * Ericsson/ecchronos -- https://github.com/Ericsson/ecchronos/pull/1540 ("Memory management
 * improvements", commit 09423817932f84ef64c7f9750d1ba6c211012eb7, item "DistributedJmxBuilder.java
 * -- Thread leak on every Jolokia connection").
 * reconnect(node) ran the Jolokia connect() on a new single-thread executor to bound it with a
 * timeout, and never shut that executor down. reconnect runs for every node at start-up and again
 * from DistributedJmxConnectionProviderImpl.getJmxConnector whenever a node's connection has
 * expired, so every (re)connection leaked a thread.
 * Fix: the executor is always shut down (shutdownNow) in a finally block, whether the connection
 * succeeds or fails.
 */
package io.oomguard.cases.realfixes.ecchronos_jolokiaconnect.after;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

public class DistributedJmxBuilder {

  private static final String JMX_JOLOKIA_FORMAT_URL = "service:jmx:jolokia://%s:%d/jolokia/";
  private static final int JMX_JOLOKIA_CONNECTION_TIMEOUT = 30;

  private final Map<UUID, JMXConnector> myJMXConnections = new ConcurrentHashMap<>();
  private final NodeDirectory myNodeDirectory;
  private final int myJolokiaPort;

  public DistributedJmxBuilder(NodeDirectory nodeDirectory, int jolokiaPort) {
    myNodeDirectory = nodeDirectory;
    myJolokiaPort = jolokiaPort;
  }

  public DistributedJmxConnectionProviderImpl build() {
    for (Node node : myNodeDirectory.getNodes().values()) {
      try {
        reconnect(node);
      } catch (IOException e) {
        // logged: unable to connect with node
      }
    }
    return new DistributedJmxConnectionProviderImpl(this, myNodeDirectory);
  }

  Map<UUID, JMXConnector> getJmxConnections() {
    return myJMXConnections;
  }

  /** Creates a JMX connection to the host. */
  public void reconnect(Node node) throws IOException {
    JMXServiceURL jmxUrl =
        new JMXServiceURL(String.format(JMX_JOLOKIA_FORMAT_URL, node.getHost(), myJolokiaPort));
    JMXConnector jmxConnector = JMXConnectorFactory.newJMXConnector(jmxUrl, createJmxEnv());

    ExecutorService exec = Executors.newSingleThreadExecutor();
    try {
      Future<?> future =
          exec.submit(
              () -> {
                try {
                  jmxConnector.connect();
                } catch (IOException e) {
                  throw new IllegalStateException("Failed to connect to Jolokia", e);
                }
              });
      future.get(JMX_JOLOKIA_CONNECTION_TIMEOUT, TimeUnit.SECONDS);
    } catch (TimeoutException | InterruptedException | ExecutionException e) {
      throw new IOException("Jolokia connection failed", e);
    } finally {
      exec.shutdownNow();
    }
    if (jmxConnector.getMBeanServerConnection() != null) {
      myJMXConnections.put(node.getHostId(), jmxConnector);
    }
  }

  private Map<String, Object> createJmxEnv() {
    return new HashMap<>();
  }
}
