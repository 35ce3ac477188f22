package io.oomguard.cases.realfixes.mediacore_mgcptimers.before;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.ListeningScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A connection of an endpoint to a remote RTP peer; one per call leg. */
public class MgcpRemoteConnection {

  private static final int HALF_OPEN_TIMER = 30;

  private final int identifier;
  private final int callId;
  private final int halfOpenTimeout;
  private final int timeout;
  private final ListeningScheduledExecutorService executor;
  private final Object stateLock = new Object();
  private MgcpConnectionState state = MgcpConnectionState.CLOSED;
  private ListenableFuture<?> timerFuture;

  public MgcpRemoteConnection(
      int identifier, int callId, int timeout, ListeningScheduledExecutorService executor) {
    this.identifier = identifier;
    this.callId = callId;
    this.halfOpenTimeout = HALF_OPEN_TIMER;
    this.timeout = timeout;
    this.executor = executor;
  }

  public int getIdentifier() {
    return identifier;
  }

  public int getCallIdentifier() {
    return callId;
  }

  public String halfOpen() {
    synchronized (stateLock) {
      state = MgcpConnectionState.HALF_OPEN;
      if (halfOpenTimeout > 0) {
        timerFuture =
            executor.schedule(
                new MgcpRemoteConnectionTimer(halfOpenTimeout), halfOpenTimeout, TimeUnit.SECONDS);
      }
      return "v=0 (local SDP offer)";
    }
  }

  public String open(String remoteSdp) {
    synchronized (stateLock) {
      state = MgcpConnectionState.OPEN;
      if (timerFuture != null && !timerFuture.isCancelled()) {
        timerFuture.cancel(false);
      }
      if (timeout > 0) {
        timerFuture =
            executor.schedule(new MgcpRemoteConnectionTimer(timeout), timeout, TimeUnit.SECONDS);
      }
      return "v=0 (local SDP answer)";
    }
  }

  public void close() {
    synchronized (stateLock) {
      if (state != MgcpConnectionState.CLOSED) {
        if (timerFuture != null) {
          timerFuture.cancel(false);
        }
        state = MgcpConnectionState.CLOSED;
      }
    }
  }

  private void timeout(int seconds) {
    close();
  }

  final class MgcpRemoteConnectionTimer implements Runnable {
    private final int timeout;

    MgcpRemoteConnectionTimer(int timeout) {
      this.timeout = timeout;
    }

    @Override
    public void run() {
      MgcpRemoteConnection.this.timeout(timeout);
    }
  }
}
