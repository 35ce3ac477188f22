package io.oomguard.cases.realfixes.logstash_fieldreferencecache.after;

import java.util.Collection;

/** Splits "k1=v1 k2=v2" messages into fields under [kv]: the field names come from the data. */
public final class KeyValueFilter implements Filter {
  @Override
  public Collection<Event> filter(Collection<Event> events) {
    for (Event event : events) {
      Object message = event.getField("message");
      if (message == null) {
        continue;
      }
      for (String pair : message.toString().split(" ")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          event.setField("[kv][" + pair.substring(0, eq) + "]", pair.substring(eq + 1));
        }
      }
    }
    return events;
  }
}
