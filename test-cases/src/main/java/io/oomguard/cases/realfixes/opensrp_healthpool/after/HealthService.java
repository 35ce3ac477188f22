package io.oomguard.cases.realfixes.opensrp_healthpool.after;

import java.util.List;
import org.springframework.ui.ModelMap;

public interface HealthService {

  List<ServiceHealthIndicator> getHealthIndicators();

  ModelMap aggregateHealthCheck();
}
