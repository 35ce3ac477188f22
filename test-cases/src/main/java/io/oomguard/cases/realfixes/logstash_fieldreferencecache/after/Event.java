package io.oomguard.cases.realfixes.logstash_fieldreferencecache.after;

import java.util.HashMap;
import java.util.Map;

/** An event flowing through the pipeline: nested maps addressed by field references. */
public final class Event {
  private final Map<String, Object> data = new HashMap<>();

  public Object getField(final String reference) {
    FieldReference field = FieldReference.from(reference);
    Map<String, Object> target = parent(field, false);
    return target == null ? null : target.get(field.getKey());
  }

  public void setField(final String reference, final Object value) {
    FieldReference field = FieldReference.from(reference);
    parent(field, true).put(field.getKey(), value);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> parent(FieldReference field, boolean create) {
    Map<String, Object> current = data;
    for (String segment : field.getPath()) {
      Object next = current.get(segment);
      if (!(next instanceof Map)) {
        if (!create) {
          return null;
        }
        next = new HashMap<String, Object>();
        current.put(segment, next);
      }
      current = (Map<String, Object>) next;
    }
    return current;
  }
}
