package io.oomguard.cases.realfixes.opensrp_healthpool.after;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;

@Component
public class RedisServiceHealthIndicator implements ServiceHealthIndicator {

  private static final String HEALTH_INDICATOR_KEY = "redis";

  @Override
  public Callable<ModelMap> doHealthCheck() {
    return () -> {
      ModelMap modelMap = new ModelMap();
      boolean result = false;
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("localhost", 6379), 2000);
        result = true;
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
