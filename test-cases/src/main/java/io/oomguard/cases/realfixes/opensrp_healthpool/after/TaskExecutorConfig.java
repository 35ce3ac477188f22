package io.oomguard.cases.realfixes.opensrp_healthpool.after;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The shared "taskExecutor" bean. In the project it is an XML bean definition (the fix's test
 * context declares it with these sizes; the production one comes with opensrp-server-core).
 */
@Configuration
public class TaskExecutorConfig {

  @Bean
  public ThreadPoolTaskExecutor taskExecutor() {
    ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    executor.setCorePoolSize(5);
    executor.setMaxPoolSize(10);
    executor.setQueueCapacity(25);
    return executor;
  }
}
