package io.oomguard.cases.realfixes.powerauth_restclientcache.before;

/** What a callback is notified about. */
public enum CallbackUrlType {
  ACTIVATION_STATUS_CHANGE,
  OPERATION_STATUS_CHANGE
}
