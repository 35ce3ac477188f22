package io.oomguard.cases.realfixes.mediacore_mgcptimers.after;

import com.google.common.util.concurrent.ListeningScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

public class MgcpConnectionProvider {

  private final AtomicInteger idGenerator = new AtomicInteger(0);
  private final int timeout;
  private final ListeningScheduledExecutorService executor;

  /** timeout: the media configuration's max call duration, in seconds. */
  public MgcpConnectionProvider(int timeout, ListeningScheduledExecutorService executor) {
    this.timeout = timeout;
    this.executor = executor;
  }

  public MgcpRemoteConnection provideRemote(int callId) {
    return new MgcpRemoteConnection(idGenerator.incrementAndGet(), callId, timeout, executor);
  }
}
