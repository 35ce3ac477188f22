package io.oomguard.cases.realfixes.opensrp_healthpool.after;

import java.sql.Connection;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;

@Component
public class JdbcServiceHealthIndicator implements ServiceHealthIndicator {

  private static final String HEALTH_INDICATOR_KEY = "postgres";

  @Autowired private DataSource dataSource;

  @Override
  public Callable<ModelMap> doHealthCheck() {
    return () -> {
      ModelMap modelMap = new ModelMap();
      boolean result = false;
      try (Connection connection = dataSource.getConnection()) {
        result = connection.isValid(2);
      } catch (Exception e) {
        modelMap.put("exception", e.getMessage());
      }
      modelMap.put("status", result);
      modelMap.put("indicator", HEALTH_INDICATOR_KEY);
      return modelMap;
    };
  }

  @Override
  public String getHealthIndicatorKey() {
    return HEALTH_INDICATOR_KEY;
  }
}
