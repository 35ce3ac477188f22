package io.oomguard.cases.realfixes.consent_healthtimeoutpool.after;

/** A health check of one dependency, registered at start-up and run by the status resource. */
public interface ServiceHealthCheck {

  String name();

  boolean check();
}
