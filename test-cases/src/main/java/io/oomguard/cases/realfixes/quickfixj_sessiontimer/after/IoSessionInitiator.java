package io.oomguard.cases.realfixes.quickfixj_sessiontimer.after;

/** Keeps one session connected, reconnecting on its own scheduled task (reduced). */
public class IoSessionInitiator {

  private final Session session;
  private volatile boolean started;

  public IoSessionInitiator(Session session) {
    this.session = session;
  }

  public void start() {
    started = true;
  }

  public void stop() {
    started = false;
  }
}
