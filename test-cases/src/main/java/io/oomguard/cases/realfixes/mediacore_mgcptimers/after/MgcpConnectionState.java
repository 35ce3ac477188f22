package io.oomguard.cases.realfixes.mediacore_mgcptimers.after;

public enum MgcpConnectionState {
  CLOSED,
  HALF_OPEN,
  OPEN
}
