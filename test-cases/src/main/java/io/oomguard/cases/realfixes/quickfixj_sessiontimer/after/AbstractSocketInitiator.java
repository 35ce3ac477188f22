package io.oomguard.cases.realfixes.quickfixj_sessiontimer.after;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/** Connects to counterparties; sessions can be added while it runs. */
public abstract class AbstractSocketInitiator extends SessionConnector {

  private final Set<IoSessionInitiator> initiators = new HashSet<>();

  public void createDynamicSession(SessionID sessionID) {
    Session session = new Session(sessionID);
    addDynamicSession(session);
    createInitiator(session);
    startInitiators();
  }

  private void createInitiator(Session session) {
    initiators.add(new IoSessionInitiator(session));
  }

  protected void startInitiators() {
    startSessionTimer();
    for (IoSessionInitiator initiator : initiators) {
      initiator.start();
    }
  }

  protected void stopInitiators() {
    for (Iterator<IoSessionInitiator> iterator = initiators.iterator(); iterator.hasNext(); ) {
      iterator.next().stop();
      iterator.remove();
    }
    stopSessionTimer();
  }
}
