package io.oomguard.cases.realfixes.micrometer_maxtagsfilter.before;

/** A filter's verdict on a meter id. */
public enum MeterFilterReply {
  DENY,
  NEUTRAL,
  ACCEPT
}
