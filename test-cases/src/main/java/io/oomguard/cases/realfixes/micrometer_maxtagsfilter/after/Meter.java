package io.oomguard.cases.realfixes.micrometer_maxtagsfilter.after;

import java.util.Collections;
import java.util.Map;

/** A named, tagged meter. */
public interface Meter {

  /** A meter's name and tags. */
  final class Id {
    private final String name;
    private final Map<String, String> tags;

    public Id(String name, Map<String, String> tags) {
      this.name = name;
      this.tags = Collections.unmodifiableMap(tags);
    }

    public String getName() {
      return name;
    }

    public String getTag(String key) {
      return tags.get(key);
    }
  }
}
