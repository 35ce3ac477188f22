package io.oomguard.cases.realfixes.mediacore_mgcptimers.before;

import java.util.concurrent.Callable;

/** DLCX: closes a connection when its call ends. */
public class DeleteConnectionCommand implements Callable<Boolean> {

  private final MgcpEndpoint endpoint;
  private final int callId;
  private final int connectionId;

  public DeleteConnectionCommand(MgcpEndpoint endpoint, int callId, int connectionId) {
    this.endpoint = endpoint;
    this.callId = callId;
    this.connectionId = connectionId;
  }

  @Override
  public Boolean call() {
    return endpoint.deleteConnection(callId, connectionId) != null;
  }
}
