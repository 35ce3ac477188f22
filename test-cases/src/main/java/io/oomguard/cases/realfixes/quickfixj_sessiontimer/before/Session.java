package io.oomguard.cases.realfixes.quickfixj_sessiontimer.before;

import java.io.IOException;

/** A FIX session; next() sends heartbeats and test requests and checks timeouts. */
public class Session {

  private final SessionID sessionID;

  public Session(SessionID sessionID) {
    this.sessionID = sessionID;
  }

  public SessionID getSessionID() {
    return sessionID;
  }

  public void next() throws IOException {
    // heartbeat / logon timeout processing
  }
}
