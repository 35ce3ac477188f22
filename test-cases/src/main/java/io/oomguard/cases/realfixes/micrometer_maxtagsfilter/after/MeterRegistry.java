package io.oomguard.cases.realfixes.micrometer_maxtagsfilter.after;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The registry: runs the filters on each new meter id. (The real registry also keeps the meters in
 * a map keyed by id; that map is left out here, the filter is what the fix changed.)
 */
public class MeterRegistry {
  private final List<MeterFilter> filters = new CopyOnWriteArrayList<>();
  private final LongAdder recorded = new LongAdder();

  /** Configuration, called while the application starts. */
  public MeterRegistry meterFilter(MeterFilter filter) {
    filters.add(filter);
    return this;
  }

  public void record(String name, Map<String, String> tags, long amount, TimeUnit unit) {
    Meter.Id id = new Meter.Id(name, tags);
    for (MeterFilter filter : filters) {
      if (filter.accept(id) == MeterFilterReply.DENY) {
        return;
      }
    }
    recorded.add(unit.toNanos(amount));
  }
}
