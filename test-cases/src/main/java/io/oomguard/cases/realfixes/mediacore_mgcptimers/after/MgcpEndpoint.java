package io.oomguard.cases.realfixes.mediacore_mgcptimers.after;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A media endpoint (e.g. mobicents/bridge/1) and its open connections. */
public class MgcpEndpoint {

  private final MgcpConnectionProvider connectionProvider;
  private final Map<Integer, MgcpRemoteConnection> connections = new ConcurrentHashMap<>();

  public MgcpEndpoint(MgcpConnectionProvider connectionProvider) {
    this.connectionProvider = connectionProvider;
  }

  public MgcpRemoteConnection createConnection(int callId) {
    MgcpRemoteConnection connection = connectionProvider.provideRemote(callId);
    connections.put(connection.getIdentifier(), connection);
    return connection;
  }

  public MgcpRemoteConnection deleteConnection(int callId, int connectionId) {
    MgcpRemoteConnection connection = connections.remove(connectionId);
    if (connection != null) {
      connection.close();
    }
    return connection;
  }
}
