package io.oomguard.cases.realfixes.mediacore_mgcptimers.before;

public enum MgcpConnectionState {
  CLOSED,
  HALF_OPEN,
  OPEN
}
