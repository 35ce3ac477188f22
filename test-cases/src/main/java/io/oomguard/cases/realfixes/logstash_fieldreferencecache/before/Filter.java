package io.oomguard.cases.realfixes.logstash_fieldreferencecache.before;

import java.util.Collection;

/** A filter plugin: transforms each batch of events. */
public interface Filter {
  Collection<Event> filter(Collection<Event> events);
}
