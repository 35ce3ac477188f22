/*
 * quickfix-j/quickfixj -- https://github.com/quickfix-j/quickfixj/issues/1102, fixed by PR #1103
 * (commits dac585809098e8c00677110267e0bfaffb0396b3 and dd82c5ee).
 * AbstractSocketInitiator.createDynamicSession, called at run time for each new FIX session, ends
 * in startSessionTimer(), which scheduled one more 1-second periodic SessionTimerTask on the
 * connector's static scheduled executor and overwrote the only reference to the previous one.
 * Each dynamic session added a periodic task (each walking all sessions every second) that stop()
 * can no longer cancel: the scheduled executor's queue grows with every session ever created.
 */
package io.oomguard.cases.realfixes.quickfixj_sessiontimer.before;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/** Base of the socket acceptors and initiators: owns the sessions and their 1-second timer. */
public abstract class SessionConnector {

  private static final ScheduledExecutorService SCHEDULED_EXECUTOR =
      // BUG: Diagnostic contains: UnboundedExecutor
      Executors.newSingleThreadScheduledExecutor(new QFTimerThreadFactory());

  private final Map<SessionID, Session> sessions = new ConcurrentHashMap<>();
  private ScheduledFuture<?> sessionTimerFuture;

  public void addDynamicSession(Session inSession) {
    sessions.put(inSession.getSessionID(), inSession);
  }

  public void removeDynamicSession(SessionID inSessionID) {
    sessions.remove(inSessionID);
  }

  protected void startSessionTimer() {
    Runnable timerTask = new SessionTimerTask();
    sessionTimerFuture =
        SCHEDULED_EXECUTOR.scheduleAtFixedRate(timerTask, 0, 1000L, TimeUnit.MILLISECONDS);
  }

  protected void stopSessionTimer() {
    if (sessionTimerFuture != null) {
      sessionTimerFuture.cancel(true);
    }
  }

  private class SessionTimerTask implements Runnable {
    @Override
    public void run() {
      for (Session session : sessions.values()) {
        try {
          session.next();
        } catch (IOException e) {
          // logged: error in session timer processing
        }
      }
    }
  }

  private static class QFTimerThreadFactory implements ThreadFactory {
    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, "QFJ Timer");
      thread.setDaemon(true);
      return thread;
    }
  }
}
