package io.oomguard.cases.realfixes.micrometer_maxtagsfilter.after;

/** A filter's verdict on a meter id. */
public enum MeterFilterReply {
  DENY,
  NEUTRAL,
  ACCEPT
}
