package io.oomguard.cases.realfixes.mediacore_mgcptimers.after;

import java.util.concurrent.Callable;

/** CRCX: runs on the MGCP controller's executor for every incoming create-connection request. */
public class CreateConnectionCommand implements Callable<String> {

  private final MgcpEndpoint endpoint;
  private final int callId;
  private final String remoteSdp;

  public CreateConnectionCommand(MgcpEndpoint endpoint, int callId, String remoteSdp) {
    this.endpoint = endpoint;
    this.callId = callId;
    this.remoteSdp = remoteSdp;
  }

  @Override
  public String call() {
    MgcpRemoteConnection connection = endpoint.createConnection(callId);
    return remoteSdp == null ? connection.halfOpen() : connection.open(remoteSdp);
  }
}
