package io.oomguard.cases.realfixes.powerauth_restclientcache.after;

/** What a callback is notified about. */
public enum CallbackUrlType {
  ACTIVATION_STATUS_CHANGE,
  OPERATION_STATUS_CHANGE
}
