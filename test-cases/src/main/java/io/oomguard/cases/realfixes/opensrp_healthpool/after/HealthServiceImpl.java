/*
 * opensrp/opensrp-server-web -- https://github.com/opensrp/opensrp-server-web/pull/1020
 * (commit 426d07c2b75205f9aee39ee4c0350549a7fa86b6, "replace executorservice with taskexecutor
 * bean"; same change on other branches in #1021/#1022).
 * GET /health runs every service health indicator in parallel on a fixed pool created for the
 * call (one thread per indicator) and never shut down, so every health probe left its threads
 * behind.
 * Fix: the calls are run on the application's shared ThreadPoolTaskExecutor bean, autowired.
 */
package io.oomguard.cases.realfixes.opensrp_healthpool.after;

import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.ui.ModelMap;

@Service("HealthServiceImpl")
public class HealthServiceImpl implements HealthService {

  @Autowired private JdbcServiceHealthIndicator jdbcServiceHealthIndicator;

  @Autowired(required = false)
  private RedisServiceHealthIndicator redisServiceHealthIndicator;

  private List<ServiceHealthIndicator> healthIndicators;

  @Autowired private ThreadPoolTaskExecutor taskExecutor;

  @Override
  public List<ServiceHealthIndicator> getHealthIndicators() {
    if (healthIndicators == null) {
      healthIndicators = new ArrayList<>();
      healthIndicators.add(jdbcServiceHealthIndicator);
      if (redisServiceHealthIndicator != null) {
        healthIndicators.add(redisServiceHealthIndicator);
      }
    }
    return healthIndicators;
  }

  @Override
  public ModelMap aggregateHealthCheck() {
    ModelMap servicesObjectMap = new ModelMap();
    ModelMap problemsObjectMap = new ModelMap();
    ModelMap resultPayload = new ModelMap();
    List<Callable<ModelMap>> callableList = new ArrayList<>();
    for (ServiceHealthIndicator serviceHealthIndicator : getHealthIndicators()) {
      callableList.add(serviceHealthIndicator.doHealthCheck());
    }

    try {
      List<Future<ModelMap>> futureList =
          taskExecutor.getThreadPoolExecutor().invokeAll(callableList);
      for (Future<ModelMap> resultFuture : futureList) {
        ModelMap modelMap = resultFuture.get();
        Boolean status = (Boolean) modelMap.get("status");
        String indicator = (String) modelMap.get("indicator");
        if (!status) {
          problemsObjectMap.put(indicator, modelMap.get("exception"));
        }
        servicesObjectMap.put(indicator, status);
      }
      resultPayload.put("problems", problemsObjectMap);
      resultPayload.put("services", servicesObjectMap);
      resultPayload.put("time", new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss").format(new Date()));
    } catch (InterruptedException | ExecutionException e) {
      // logged
    }
    return resultPayload;
  }
}
