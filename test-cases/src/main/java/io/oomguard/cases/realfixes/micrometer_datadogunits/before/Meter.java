package io.oomguard.cases.realfixes.micrometer_datadogunits.before;

import java.util.List;

/** micrometer-core's meter (reduced): an id and its current measurements. */
public interface Meter {
  Id getId();

  List<Measurement> measure();

  /** Name, base unit and description of a meter. */
  record Id(String name, String baseUnit, String description) {
    Id withStatistic(Statistic statistic) {
      return new Id(name + "." + statistic.name().toLowerCase(), baseUnit, description);
    }
  }

  /** One value of a meter. */
  record Measurement(Statistic statistic, double value) {}

  /** What a measurement is. */
  enum Statistic {
    Count,
    Total,
    TotalTime,
    Max,
    Value
  }
}
