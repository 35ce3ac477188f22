package io.oomguard.cases.realfixes.opensrp_healthpool.before;

import java.util.concurrent.Callable;
import org.springframework.ui.ModelMap;

public interface ServiceHealthIndicator {

  Callable<ModelMap> doHealthCheck();

  String getHealthIndicatorKey();
}
