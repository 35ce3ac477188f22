/*
 * Modeled on Micrometer, PR https://github.com/micrometer-metrics/micrometer/pull/719 ("Allow tag
 * values when they are in allowable tag values ... observedTagValues no longer grows
 * infinitely"), commit b79ecc30554469ad75ef562e1c0b84c34806c082.
 *
 * MeterFilter.maximumAllowableTags was meant to cap the distinct values of a tag (the "uri" tag of
 * the RestTemplate client metrics), but it added every value it saw to its set before comparing
 * the size with the maximum. The filter lives in the registry for the life of the application; a
 * client calling URLs with ids in the path (no URI template) added one set entry per request.
 */
package io.oomguard.cases.realfixes.micrometer_maxtagsfilter.before;

import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/** Accepts, denies or leaves alone each meter id before the registry creates the meter. */
public interface MeterFilter {

  default MeterFilterReply accept(Meter.Id id) {
    return MeterFilterReply.NEUTRAL;
  }

  /**
   * Places an upper bound on the number of tag values produced by matching metrics; after the
   * maximum is reached, onMaxReached decides.
   */
  static MeterFilter maximumAllowableTags(
      String meterNamePrefix, String tagKey, int maximumTagValues, MeterFilter onMaxReached) {
    return new MeterFilter() {
      // BUG: Diagnostic contains: UnboundedCache
      private final Set<String> observedTagValues = new ConcurrentSkipListSet<>();

      @Override
      public MeterFilterReply accept(Meter.Id id) {
        if (id.getName().equals(meterNamePrefix)) {
          String value = id.getTag(tagKey);
          if (value != null) {
            observedTagValues.add(value);
            if (observedTagValues.size() > maximumTagValues) {
              return onMaxReached.accept(id);
            }
          }
        }
        return MeterFilterReply.NEUTRAL;
      }
    };
  }
}
