package io.oomguard.cases.realfixes.consent_healthtimeoutpool.before;

/** A health check of one dependency, registered at start-up and run by the status resource. */
public interface ServiceHealthCheck {

  String name();

  boolean check();
}
